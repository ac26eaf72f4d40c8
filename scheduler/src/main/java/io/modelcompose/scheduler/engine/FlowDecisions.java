package io.modelcompose.scheduler.engine;

import io.modelcompose.shared.config.JobFlow;
import io.modelcompose.shared.config.Where;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Templates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Decides the jobs the engine runs itself, without a worker: {@code if}, {@code switch} and {@code random-router}
 * route, {@code filter} produces its kept items. Pure: the same scope and seed give the same decision, so a run
 * replayed from its input log decides the same way.
 */
final class FlowDecisions {
    private FlowDecisions() {
    }

    /**
     * What a job decided: a routing (with {@code target}, possibly null = nowhere) or an output.
     *
     * @param routes true for routing jobs
     * @param target the job to route to, or null
     * @param output the output of a non-routing job
     */
    record Decision(boolean routes, String target, Object output) {
        static Decision route(String target) {
            return new Decision(true, target, null);
        }

        static Decision output(Object output) {
            return new Decision(false, null, output);
        }
    }

    /**
     * @param scope the job's input scope
     * @param runInput the input of the job's workflow (a switch without {@code input} reads it)
     * @param seed the seed of a random router's choice
     */
    static Decision decide(JobFlow flow, Scope scope, Object runInput, long seed) {
        if (flow instanceof JobFlow.If f) {
            return Decision.route(ifTarget(f, scope));
        }
        if (flow instanceof JobFlow.Switch s) {
            Object input = s.input() == null ? runInput : Templates.render(s.input(), scope);
            for (JobFlow.Case c : s.cases()) {
                if (Conditions.same(input, Templates.render(c.value(), scope))) {
                    return Decision.route(c.then());
                }
            }
            return Decision.route(s.otherwise());
        }
        if (flow instanceof JobFlow.RandomRouter r) {
            return Decision.route(randomTarget(r, scope, seed));
        }
        if (flow instanceof JobFlow.Filter f) {
            return Decision.output(filter(f, scope));
        }
        throw new IllegalArgumentException("not decided by the engine: " + flow);
    }

    private static String ifTarget(JobFlow.If flow, Scope scope) {
        Object input = Templates.render(flow.input(), scope);
        for (JobFlow.Condition condition : flow.conditions()) {
            Object value = Templates.render(condition.value(), scope);
            if (Conditions.holds(condition.operator(), input, value)) {
                if (condition.ifTrue() != null) {
                    return condition.ifTrue();
                }
            } else if (condition.ifFalse() != null) {
                return condition.ifFalse();
            }
        }
        Object otherwise = Templates.render(flow.otherwise(), scope);
        return otherwise == null ? null : String.valueOf(otherwise);
    }

    private static String randomTarget(JobFlow.RandomRouter router, Scope scope, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        if (!router.weighted()) {
            return router.routings().get(random.nextInt(router.routings().size())).to();
        }
        List<String> targets = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double total = 0;
        for (JobFlow.Routing routing : router.routings()) {
            Object weight = Templates.render(routing.weight(), scope);
            double w = weight instanceof Number n ? n.doubleValue() : weight == null ? 0 : parse(weight);
            if (w > 0) {
                targets.add(routing.to());
                weights.add(w);
                total += w;
            }
        }
        if (targets.isEmpty()) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "no routing has a weight greater than 0");
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < targets.size(); i++) {
            pick -= weights.get(i);
            if (pick < 0) {
                return targets.get(i);
            }
        }
        return targets.get(targets.size() - 1);
    }

    private static double parse(Object weight) {
        try {
            return Double.parseDouble(String.valueOf(weight).trim());
        } catch (NumberFormatException e) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "a routing weight must be a number, got "
                    + Conditions.describe(weight));
        }
    }

    /**
     * The kept items in order; a scalar input is kept or not (upstream fails on a scalar that is filtered out; here
     * the output is then null).
     */
    private static Object filter(JobFlow.Filter filter, Scope scope) {
        Object input = Templates.render(filter.input(), scope);
        boolean single = !(input instanceof Collection<?>);
        List<?> items = single ? java.util.Collections.singletonList(input) : new ArrayList<>((Collection<?>) input);
        List<Object> kept = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            Object item = items.get(index);
            if (filter.where() == null || holds(filter.where(), itemScope(scope, item, index))) {
                kept.add(item);
            }
        }
        return single ? (kept.isEmpty() ? null : kept.get(0)) : kept;
    }

    /** The scope of one item: {@code ${item}} and {@code ${index}} over the job's scope. */
    static Scope itemScope(Scope scope, Object item, int index) {
        Map<String, Object> overlay = new HashMap<>();
        overlay.put("item", item);
        overlay.put("index", index);
        return scope.with(overlay);
    }

    static boolean holds(Where where, Scope scope) {
        if (where instanceof Where.All all) {
            return all.conditions().stream().allMatch(w -> holds(w, scope));
        }
        if (where instanceof Where.Any any) {
            return any.conditions().stream().anyMatch(w -> holds(w, scope));
        }
        if (where instanceof Where.Not not) {
            return !holds(not.condition(), scope);
        }
        Where.Leaf leaf = (Where.Leaf) where;
        return Conditions.holds(leaf.operator(), Templates.render(leaf.input(), scope),
                Templates.render(leaf.value(), scope));
    }
}
