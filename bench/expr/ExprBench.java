import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Template;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Single-thread throughput of Template.render for two representative templates: warm up, then measure
 * renders per second over a few timed rounds and print the best and the median round.
 */
public final class ExprBench {
    private static final long WARMUP_NANOS = 3_000_000_000L;
    private static final long ROUND_NANOS = 1_000_000_000L;
    private static final int ROUNDS = 5;
    private static final int BATCH = 10_000;

    private static volatile Object sink;

    public static void main(String[] args) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("a", new LinkedHashMap<>(Map.of("b", "value")));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("start", "1700000000023");
        output.put("end", "1700000000123");
        Scope scope = Scope.of(Map.of("input", input, "output", output));

        measure("${input.a.b}", scope);
        measure("took ${output.end - output.start}ms", scope);
    }

    private static void measure(String text, Scope scope) {
        Template template = Template.parse(text);
        System.out.printf("%-40s -> %s%n", text, template.render(scope));
        long warmupEnd = System.nanoTime() + WARMUP_NANOS;
        while (System.nanoTime() < warmupEnd) {
            runBatch(template, scope);
        }
        double[] rates = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long begin = System.nanoTime();
            long renders = 0;
            while (System.nanoTime() - begin < ROUND_NANOS) {
                runBatch(template, scope);
                renders += BATCH;
            }
            rates[round] = renders * 1e9 / (System.nanoTime() - begin);
        }
        java.util.Arrays.sort(rates);
        System.out.printf("%-40s    median %,.0f renders/s, best %,.0f renders/s%n", "",
                rates[ROUNDS / 2], rates[ROUNDS - 1]);
    }

    private static void runBatch(Template template, Scope scope) {
        Object last = null;
        for (int i = 0; i < BATCH; i++) {
            last = template.render(scope);
        }
        sink = last;
    }
}
