package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.JobFlow;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Binds a {@code random-router} job: {@code mode} (uniform or weighted) and {@code routings: [{to, weight}]}. */
final class RandomRouterBinder {
    private RandomRouterBinder() {
    }

    static JobFlow.RandomRouter bind(Fields job) {
        boolean weighted = job.choice("mode", "uniform", List.of("uniform", "weighted")).equals("weighted");
        List<JobFlow.Routing> routings = new ArrayList<>();
        YList list = job.list("routings");
        if (list == null || list.items().isEmpty()) {
            job.problem(job.has("routings") ? "routings" : null, "a 'random-router' job needs 'routings' "
                    + "(a list of {to, weight})");
            return new JobFlow.RandomRouter(weighted, routings);
        }
        boolean anyPositive = false;
        for (Fields routing : JobFlowBinder.items(list, job.path("routings"), job)) {
            routing.allowOnly(Set.of("to", "weight"));
            routing.requireKey("to", " (the job to route to)");
            Object weight = weight(routing);
            anyPositive |= weight instanceof String || weight instanceof Number n && n.doubleValue() > 0;
            String to = routing.string("to");
            if (to != null) {
                routings.add(new JobFlow.Routing(to, weight));
            }
        }
        if (weighted && !anyPositive && !routings.isEmpty()) {
            job.problem("routings", "in weighted mode at least one routing needs a 'weight' greater than 0");
        }
        return new JobFlow.RandomRouter(weighted, routings);
    }

    /** A number, a template string, or null. */
    private static Object weight(Fields routing) {
        YNode node = routing.node("weight");
        if (node == null) {
            return null;
        }
        if (node instanceof YScalar scalar && scalar.value() instanceof Number number) {
            return number.doubleValue();
        }
        if (node instanceof YScalar scalar && scalar.value() instanceof String text && text.contains("${")) {
            return text;
        }
        routing.problems().wrongType(node, routing.path("weight"), "a number");
        return null;
    }
}
