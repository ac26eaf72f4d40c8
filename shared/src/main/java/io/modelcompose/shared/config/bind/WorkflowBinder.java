package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.WorkflowConfig;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Binds workflows and their jobs, then checks each job graph. */
final class WorkflowBinder {
    static final String PLACEHOLDER_ID = "__workflow__";
    private static final Set<String> KEYS = Set.of("id", "name", "title", "description", "default", "jobs",
            "output", "private");

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
        workflow.allowOnly(KEYS, UpstreamKeys.WORKFLOW);
        String id = context.id(workflow, PLACEHOLDER_ID, "workflow");
        List<JobConfig> jobs = jobs(workflow, context);
        return new WorkflowConfig(id, workflow.string("title"), workflow.string("description"),
                workflow.bool("default", false), jobs, workflow.template("output"), workflow.location(),
                workflow.string("name"), workflow.bool("private", false));
    }

    /**
     * The id of the {@code n}-th job written without one: {@code __job__} for the first (as upstream), then
     * {@code __job_2__}, {@code __job_3__}, ... so that two such jobs are not duplicates of an id nobody wrote.
     */
    static String placeholder(int n) {
        return n == 1 ? JobBinder.PLACEHOLDER_ID : "__job_" + n + "__";
    }

    private static List<JobConfig> jobs(Fields workflow, BindContext context) {
        YList list = workflow.list("jobs");
        if (list == null || list.items().isEmpty()) {
            workflow.problem(workflow.has("jobs") ? "jobs" : null, "a workflow needs at least one job");
            return List.of();
        }
        List<BoundJob> bound = new ArrayList<>();
        IdRegistry ids = new IdRegistry("job", context.problems);
        Set<String> routingTargets = RoutingScan.targets(list);
        String previous = null;
        int unnamed = 0;
        for (int i = 0; i < list.items().size(); i++) {
            String jobPath = ConfigPath.index(workflow.path("jobs"), i);
            YNode item = list.items().get(i);
            boolean hasId = item instanceof YMap map && map.text("id") != null;
            String placeholder = hasId ? JobBinder.PLACEHOLDER_ID : placeholder(++unnamed);
            boolean target = routingTargets.contains(hasId ? ((YMap) item).text("id") : placeholder);
            BoundJob job = JobBinder.bind(item, jobPath, placeholder, target ? null : previous, context);
            ids.register(job.job().id(), job.job().location(), jobPath);
            bound.add(job);
            if (!target) {
                previous = job.job().id();
            }
        }
        WorkflowChecks.check(bound, workflow);
        return bound.stream().map(BoundJob::job).toList();
    }
}
