package io.modelcompose.shared.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What a job of a type other than {@code component} does (upstream's job types). Templates are kept as plain values
 * and rendered when the job runs. Routing targets are job ids of the same workflow.
 */
public sealed interface JobFlow {

    /** The job ids this flow may route to. */
    List<String> routingTargets();

    /**
     * {@code type: if}: conditions evaluated in order against {@code input}; a match with {@code if_true} or a
     * non-match with {@code if_false} routes there; else {@code otherwise} (may be null: routes nowhere).
     */
    record If(Object input, List<Condition> conditions, String otherwise) implements JobFlow {
        public If {
            conditions = List.copyOf(conditions);
        }

        @Override
        public List<String> routingTargets() {
            List<String> targets = new ArrayList<>();
            conditions.forEach(c -> {
                addIfSet(targets, c.ifTrue());
                addIfSet(targets, c.ifFalse());
            });
            addIfSet(targets, otherwise);
            return targets;
        }
    }

    /** One condition of an {@code if} job. */
    record Condition(ConditionOperator operator, Object value, String ifTrue, String ifFalse) {
    }

    /** {@code type: switch}: the first case whose value equals the input routes to its {@code then}. */
    record Switch(Object input, List<Case> cases, String otherwise) implements JobFlow {
        public Switch {
            cases = List.copyOf(cases);
        }

        @Override
        public List<String> routingTargets() {
            List<String> targets = new ArrayList<>();
            cases.forEach(c -> targets.add(c.then()));
            addIfSet(targets, otherwise);
            return targets;
        }
    }

    /** One case of a {@code switch} job; {@code value} is a string template. */
    record Case(String value, String then) {
    }

    /** {@code type: random-router}: picks one routing, uniformly or by weight. */
    record RandomRouter(boolean weighted, List<Routing> routings) implements JobFlow {
        public RandomRouter {
            routings = List.copyOf(routings);
        }

        @Override
        public List<String> routingTargets() {
            return routings.stream().map(Routing::to).toList();
        }
    }

    /** One routing of a random router; {@code weight} is a number or a template (null in uniform mode). */
    record Routing(String to, Object weight) {
    }

    /** {@code type: filter}: keeps the items of {@code input} for which {@code where} holds (all when null). */
    record Filter(Object input, Where where) implements JobFlow {
        @Override
        public List<String> routingTargets() {
            return List.of();
        }
    }

    /**
     * {@code type: for-each}: runs the job's component and action ({@code do.component}, {@code do.action}, held by
     * the {@link JobConfig} itself) once per item of {@code input}, {@code batchSize} at a time, keeping the input
     * order.
     *
     * @param itemInput the per-item input template ({@code ${item}}, {@code ${index}}); null = the item itself
     * @param itemOutput the per-item output template ({@code ${output}}); null = the result itself
     */
    record ForEach(Object input, int batchSize, Object itemInput, Object itemOutput) implements JobFlow {
        @Override
        public List<String> routingTargets() {
            return List.of();
        }
    }

    /**
     * {@code type: delay}: waits {@code duration} ({@code time-interval}), or until {@code time} in {@code timezone}
     * ({@code specific-time}).
     */
    record Delay(boolean specificTime, Object duration, Object time, String timezone) implements JobFlow {
        @Override
        public List<String> routingTargets() {
            return List.of();
        }
    }

    private static void addIfSet(List<String> targets, String target) {
        if (target != null) {
            targets.add(target);
        }
    }
}
