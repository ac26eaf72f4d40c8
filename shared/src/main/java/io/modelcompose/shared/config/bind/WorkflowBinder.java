package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.WorkflowConfig;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Binds workflows and their jobs, then checks each job graph. */
final class WorkflowBinder {
    static final String PLACEHOLDER_ID = "__workflow__";
    private static final Set<String> KEYS = Set.of("id", "name", "title", "description", "default", "jobs",
            "output");

    private WorkflowBinder() {
    }

    static List<WorkflowConfig> bindAll(YList list, String path, BindContext context) {
        List<WorkflowConfig> workflows = new ArrayList<>();
        IdRegistry ids = new IdRegistry("workflow", context.problems);
        for (int i = 0; i < list.items().size(); i++) {
            String itemPath = ConfigPath.index(path, i);
            WorkflowConfig workflow = bind(list.items().get(i), itemPath, context);
            if (ids.register(workflow.id(), workflow.location(), itemPath)) {
                workflows.add(workflow);
            }
        }
        return workflows;
    }

    private static WorkflowConfig bind(YNode node, String path, BindContext context) {
        Fields workflow = Fields.of(node, path, context.problems);
        workflow.allowOnly(KEYS);
        String id = context.id(workflow, PLACEHOLDER_ID, "workflow");
        List<JobConfig> jobs = jobs(workflow, context);
        return new WorkflowConfig(id, workflow.string("title"), workflow.string("description"),
                workflow.bool("default", false), jobs, workflow.template("output"), workflow.location());
    }

    private static List<JobConfig> jobs(Fields workflow, BindContext context) {
        YList list = workflow.list("jobs");
        if (list == null || list.items().isEmpty()) {
            workflow.problem(workflow.has("jobs") ? "jobs" : null, "a workflow needs at least one job");
            return List.of();
        }
        List<BoundJob> bound = new ArrayList<>();
        IdRegistry ids = new IdRegistry("job", context.problems);
        String previous = null;
        for (int i = 0; i < list.items().size(); i++) {
            String jobPath = ConfigPath.index(workflow.path("jobs"), i);
            BoundJob job = JobBinder.bind(list.items().get(i), jobPath, previous, context);
            ids.register(job.job().id(), job.job().location(), jobPath);
            bound.add(job);
            previous = job.job().id();
        }
        WorkflowChecks.check(bound, workflow);
        return bound.stream().map(BoundJob::job).toList();
    }
}
