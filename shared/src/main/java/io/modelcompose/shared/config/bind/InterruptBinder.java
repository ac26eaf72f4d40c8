package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.JobInterrupts;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.util.Set;

/**
 * Binds {@code interrupt: {before, after}}: each {@code true}/{@code false} or {@code {condition, message, metadata}},
 * the condition being {@code {operator, input, value}} (upstream's shape).
 */
final class InterruptBinder {
    private static final String SHAPE = "true, false or a mapping with 'condition', 'message', 'metadata'";

    private InterruptBinder() {
    }

    static JobInterrupts bind(Fields job) {
        YNode node = job.node("interrupt");
        if (node == null) {
            return null;
        }
        if (!(node instanceof YMap)) {
            job.problems().wrongType(node, job.path("interrupt"), "a mapping with 'before' and/or 'after'");
            return null;
        }
        Fields interrupt = Fields.of(node, job.path("interrupt"), job.problems());
        interrupt.allowOnly(Set.of("before", "after"));
        JobInterrupts bound = new JobInterrupts(point(interrupt, "before"), point(interrupt, "after"));
        return bound.before() == null && bound.after() == null ? null : bound;
    }

    private static JobInterrupts.Point point(Fields interrupt, String phase) {
        YNode node = interrupt.node(phase);
        if (node == null) {
            return null;
        }
        if (node instanceof YScalar) {
            Boolean on = interrupt.bool(phase);
            return Boolean.TRUE.equals(on) ? new JobInterrupts.Point(null, null, null) : null;
        }
        if (!(node instanceof YMap)) {
            interrupt.problems().wrongType(node, interrupt.path(phase), SHAPE);
            return null;
        }
        Fields point = Fields.of(node, interrupt.path(phase), interrupt.problems());
        point.allowOnly(Set.of("condition", "message", "metadata"));
        return new JobInterrupts.Point(condition(point), point.template("message"), point.template("metadata"));
    }

    private static JobInterrupts.Condition condition(Fields point) {
        YNode node = point.node("condition");
        if (node == null) {
            return null;
        }
        if (!(node instanceof YMap)) {
            point.problems().wrongType(node, point.path("condition"), "a mapping with 'operator', 'input', 'value'");
            return null;
        }
        Fields condition = Fields.of(node, point.path("condition"), point.problems());
        condition.allowOnly(Set.of("operator", "input", "value"));
        if (!condition.has("input")) {
            condition.problem("an interrupt condition needs 'input' (the value compared with 'value')");
        }
        return new JobInterrupts.Condition(WhereBinder.operator(condition), condition.template("input"),
                condition.template("value"));
    }
}
