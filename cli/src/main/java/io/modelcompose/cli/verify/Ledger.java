package io.modelcompose.cli.verify;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger the verifier's jobs append to: a start line {@code S run job attempt millis pid} when an execution
 * begins and an end line {@code E run job attempt millis pid} when it ends (each one short {@code >>} write, so
 * whole lines even from processes writing at once).
 */
public final class Ledger {
    private Ledger() {
    }

    /** The script a shell component runs: writes the start line, sleeps {@code seconds}, writes the end line. */
    public static String script(String ledgerFile) {
        String fields = "${context.run_id} ${context.job_id} ${context.attempt}";
        return "echo \"S " + fields + " $(date +%s%3N) $PPID\" >> " + ledgerFile + "; sleep ${input.seconds}; "
                + "echo \"E " + fields + " $(date +%s%3N) $PPID\" >> " + ledgerFile;
    }

    /**
     * Pairs start and end lines into executions, in the order the starts were written; blank lines are skipped.
     *
     * @throws ComposeException when a line is malformed (naming its number) or an end has no start
     */
    public static List<Execution> parse(List<String> lines) {
        Map<String, long[]> open = new LinkedHashMap<>();
        Map<String, String[]> fields = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 6 || !(f[0].equals("S") || f[0].equals("E"))) {
                throw bad(i, "expected 'S|E run job attempt millis pid', got '" + line + "'");
            }
            String key = f[1] + " " + f[2] + " " + f[3] + " " + f[5];
            long millis = number(f[4], i);
            number(f[3], i);
            number(f[5], i);
            if (f[0].equals("S")) {
                open.put(key, new long[] {millis, Execution.NO_END});
                fields.put(key, f);
            } else if (open.containsKey(key)) {
                open.get(key)[1] = millis;
            } else {
                throw bad(i, "end without a start: '" + line + "'");
            }
        }
        List<Execution> executions = new ArrayList<>();
        open.forEach((key, times) -> {
            String[] f = fields.get(key);
            executions.add(new Execution(f[1], f[2], Integer.parseInt(f[3]), times[0], times[1],
                    Long.parseLong(f[5])));
        });
        return executions;
    }

    private static long number(String text, int line) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw bad(line, "'" + text + "' is not a number");
        }
    }

    private static ComposeException bad(int index, String what) {
        return new ComposeException(ErrorCode.INTERNAL, "ledger line " + (index + 1) + ": " + what);
    }
}
