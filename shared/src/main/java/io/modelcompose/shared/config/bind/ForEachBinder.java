package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.JobFlow;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Binds a {@code for-each} job: {@code input} (the items), {@code batch_size} (items run at once, at least 1) and
 * {@code do: {component, action, input, output}}; the component is resolved like a component job's.
 */
final class ForEachBinder {
    private static final Set<String> DO_KEYS = Set.of("component", "action", "input", "output");

    private ForEachBinder() {
    }

    static JobFlowBinder.Bound bind(Fields job, String jobId, BindContext context) {
        Set<String> keys = Set.of("input", "batch_size", "do", "output");
        job.requireKey("input", " (the items to run 'do' for)");
        int batchSize = job.integer("batch_size", 1, 1, Integer.MAX_VALUE);
        if (!job.has("do")) {
            job.problem("missing required key 'do' (the component call made for each item)");
            return new JobFlowBinder.Bound(new JobFlow.ForEach(job.template("input"), batchSize, null, null), keys);
        }
        Fields body = Fields.of(job.node("do"), job.path("do"), job.problems());
        JobBinder.Resolved resolved = JobBinder.component(body, jobId, context);
        Set<String> allowed = new LinkedHashSet<>(DO_KEYS);
        allowed.addAll(resolved.extraKeys());
        body.allowOnly(allowed);
        ComponentConfig component = resolved.component();
        String action = body.string("action", ComposeConfig.DEFAULT_ID);
        if (component != null) {
            JobBinder.checkAction(body, component, action);
        }
        JobFlow.ForEach flow = new JobFlow.ForEach(job.template("input"), batchSize, body.template("input"),
                body.template("output"));
        return new JobFlowBinder.Bound(flow, keys, component, action);
    }
}
