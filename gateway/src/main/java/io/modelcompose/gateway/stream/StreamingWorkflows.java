package io.modelcompose.gateway.stream;

import io.modelcompose.shared.config.ActionSpec;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.WorkflowConfig;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which workflows stream their output, read from the config: a workflow streams when one of its output jobs (a job
 * no other job depends on, or a job its {@code output} names as {@code jobs.ID}) streams, that is when the job's or
 * its action's {@code output} reads a chunk source ({@code ${response[]...}}, {@code ${result[]...}}) or casts to
 * {@code as stream...}. The chunks a caller gets are those of these jobs.
 */
public final class StreamingWorkflows {
    private static final Pattern CHUNK_SOURCE = Pattern.compile("\\$\\{\\s*(response|result)\\s*\\[\\s*]");
    private static final Pattern STREAM_CAST = Pattern.compile("\\bas\\s+stream\\b");
    private static final Pattern JOB_REFERENCE = Pattern.compile("\\bjobs\\.([A-Za-z0-9_-]+)");
    private final ComposeConfig config;
    private final Map<String, Set<String>> byWorkflow = new ConcurrentHashMap<>();

    public StreamingWorkflows(ComposeConfig config) {
        this.config = config;
    }

    /** The ids of the workflow's output jobs that stream; empty when the workflow does not stream. */
    public Set<String> streamingJobs(String workflowId) {
        return byWorkflow.computeIfAbsent(workflowId, id -> find(id).map(StreamingWorkflows::scan).orElse(Set.of()));
    }

    public boolean streams(String workflowId) {
        return !streamingJobs(workflowId).isEmpty();
    }

    private Optional<WorkflowConfig> find(String workflowId) {
        return config.workflows().stream().filter(w -> w.id().equals(workflowId)).findFirst();
    }

    private static Set<String> scan(WorkflowConfig workflow) {
        Set<String> streaming = new LinkedHashSet<>();
        for (JobConfig job : outputJobs(workflow)) {
            if (jobStreams(job)) {
                streaming.add(job.id());
            }
        }
        if (streaming.isEmpty() && workflow.output() != null && matches(workflow.output(), STREAM_CAST)) {
            outputJobs(workflow).forEach(j -> streaming.add(j.id()));
        }
        return Set.copyOf(streaming);
    }

    private static List<JobConfig> outputJobs(WorkflowConfig workflow) {
        if (workflow.output() != null) {
            Set<String> named = new HashSet<>();
            collect(workflow.output(), text -> {
                Matcher m = JOB_REFERENCE.matcher(text);
                while (m.find()) {
                    named.add(m.group(1));
                }
            });
            return workflow.jobs().stream().filter(j -> named.contains(j.id())).toList();
        }
        Set<String> dependedOn = new HashSet<>();
        workflow.jobs().forEach(j -> j.dependsOn().forEach(dependedOn::addAll));
        return workflow.jobs().stream().filter(j -> !dependedOn.contains(j.id())).toList();
    }

    static boolean jobStreams(JobConfig job) {
        if (job.output() != null && (matches(job.output(), CHUNK_SOURCE) || matches(job.output(), STREAM_CAST))) {
            return true;
        }
        if (job.component() == null) {
            return false;
        }
        ActionSpec action;
        try {
            action = job.component().action(job.action());
        } catch (RuntimeException e) {
            return false; // validated at load; nothing to stream from
        }
        return action.output() != null && matches(action.output(), CHUNK_SOURCE);
    }

    private static boolean matches(Object template, Pattern pattern) {
        boolean[] found = new boolean[1];
        collect(template, text -> found[0] |= pattern.matcher(text).find());
        return found[0];
    }

    /** Calls {@code sink} with every string inside a template (maps, lists, strings). */
    private static void collect(Object template, java.util.function.Consumer<String> sink) {
        if (template instanceof String text) {
            sink.accept(text);
        } else if (template instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, sink));
        } else if (template instanceof List<?> list) {
            list.forEach(v -> collect(v, sink));
        }
    }
}
