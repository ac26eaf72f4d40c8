package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.tree.Problems;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks the job graph of one workflow: unknown and self dependencies, an entry job, dependency cycles. */
final class WorkflowChecks {
    private final Problems problems;
    private final Map<String, BoundJob> jobs = new LinkedHashMap<>();
    private final Map<String, Integer> state = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<Set<String>> reported = new HashSet<>();

    private WorkflowChecks(List<BoundJob> boundJobs, Problems problems) {
        this.problems = problems;
        boundJobs.forEach(job -> jobs.putIfAbsent(job.job().id(), job));
    }

    static void check(List<BoundJob> boundJobs, Fields workflow) {
        WorkflowChecks checks = new WorkflowChecks(boundJobs, workflow.problems());
        boundJobs.forEach(checks::checkReferences);
        boundJobs.forEach(checks::checkRoutes);
        Set<String> targets = new HashSet<>();
        boundJobs.forEach(job -> targets.addAll(job.job().options().routingTargets()));
        if (!boundJobs.isEmpty() && boundJobs.stream().noneMatch(job -> job.job().dependsOn().isEmpty()
                && !targets.contains(job.job().id()))) {
            workflow.problem("jobs", "no entry job: every job depends on another job"
                    + (targets.isEmpty() ? "" : " or is only started by routing"));
        }
        checks.jobs.keySet().forEach(checks::visit);
    }

    private void checkReferences(BoundJob job) {
        String id = job.job().id();
        for (BoundJob.Reference reference : job.references()) {
            if (reference.id().equals(id)) {
                problems.add(reference.location(), reference.path(), "job '" + id + "' depends on itself");
            } else if (!jobs.containsKey(reference.id())) {
                problems.add(reference.location(), reference.path(), "unknown job '" + reference.id() + "'"
                        + Suggestions.hint(reference.id(), jobs.keySet()));
            }
        }
    }

    private void checkRoutes(BoundJob job) {
        for (BoundJob.Reference route : job.routes()) {
            if (!jobs.containsKey(route.id())) {
                problems.add(route.location(), route.path(), "unknown routing target '" + route.id() + "'"
                        + Suggestions.hint(route.id(), jobs.keySet()));
            }
        }
    }

    /** Depth-first search; a dependency that is on the stack closes a cycle. */
    private void visit(String id) {
        if (state.containsKey(id)) {
            return;
        }
        state.put(id, 1);
        stack.addLast(id);
        for (String dependency : dependencies(id)) {
            if (state.get(dependency) == null) {
                visit(dependency);
            } else if (state.get(dependency) == 1) {
                reportCycle(dependency);
            }
        }
        stack.removeLast();
        state.put(id, 2);
    }

    private List<String> dependencies(String id) {
        List<String> dependencies = new ArrayList<>();
        jobs.get(id).job().dependsOn().forEach(group -> group.stream()
                .filter(dep -> !dep.equals(id) && jobs.containsKey(dep)).forEach(dependencies::add));
        return dependencies;
    }

    private void reportCycle(String start) {
        List<String> cycle = new ArrayList<>();
        boolean inCycle = false;
        for (String id : stack) {
            inCycle |= id.equals(start);
            if (inCycle) {
                cycle.add(id);
            }
        }
        if (!reported.add(new TreeSet<>(cycle))) {
            return;
        }
        cycle.add(start);
        BoundJob first = jobs.get(start);
        problems.add(first.dependsOnLocation(), first.dependsOnPath(), "dependency cycle: " + String.join(" -> ",
                cycle));
    }
}
