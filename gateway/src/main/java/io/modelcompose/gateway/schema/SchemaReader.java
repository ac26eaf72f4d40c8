package io.modelcompose.gateway.schema;

import io.modelcompose.shared.config.ActionSpec;
import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.HttpClientAction;
import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.LoggerAction;
import io.modelcompose.shared.config.RemoteWorkflowAction;
import io.modelcompose.shared.config.ShellAction;
import io.modelcompose.shared.config.WorkflowAction;
import io.modelcompose.shared.config.WorkflowConfig;
import io.modelcompose.shared.error.ComposeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Derives a workflow's schema from its templates, as the original does: every {@code ${input.x ...}} in the jobs'
 * inputs is an input variable; a job that passes the whole run input on ({@code input} absent or {@code ${input}})
 * contributes the references in its component's action instead, following workflow components into their workflow.
 * The output variables come from the workflow's {@code output}, else from the output of its terminal jobs (or of
 * their action). The first variable of each name wins.
 */
public final class SchemaReader {
    private static final VariableScanner INPUT = new VariableScanner("input");
    private static final VariableScanner ANY = VariableScanner.anySource();
    private final ComposeConfig config;

    public SchemaReader(ComposeConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public WorkflowSchema read(WorkflowConfig workflow) {
        List<Variable> input = distinct(inputsOf(workflow, new HashSet<>()));
        return new WorkflowSchema(workflow.id(), workflow.title(), workflow.description(), workflow.isDefault(),
                input, distinct(outputsOf(workflow)));
    }

    private List<Variable> inputsOf(WorkflowConfig workflow, Set<String> visiting) {
        List<Variable> found = new ArrayList<>();
        if (!visiting.add(workflow.id())) {
            return found; // a workflow that calls itself adds nothing new
        }
        for (JobConfig job : workflow.jobs()) {
            if (passesInputOn(job.input())) {
                found.addAll(INPUT.scan(job.input()).stream().filter(v -> v.name() != null).toList());
                found.addAll(actionInputs(job, visiting));
            } else {
                found.addAll(INPUT.scan(job.input()));
            }
        }
        visiting.remove(workflow.id());
        return found;
    }

    private static boolean passesInputOn(Object jobInput) {
        return jobInput == null || jobInput instanceof String text && text.strip().matches("\\$\\{\\s*input\\s*}");
    }

    private List<Variable> actionInputs(JobConfig job, Set<String> visiting) {
        ActionSpec action = actionOf(job.component(), job.action());
        if (action instanceof WorkflowAction call) {
            if (call.input() != null && !passesInputOn(call.input())) {
                return INPUT.scan(call.input());
            }
            WorkflowConfig inner = workflowOrNull(call.workflow());
            return inner == null ? List.of() : inputsOf(inner, visiting);
        }
        return INPUT.scan(templatesOf(action));
    }

    private List<Variable> outputsOf(WorkflowConfig workflow) {
        if (workflow.output() != null) {
            return outputVariables(workflow.output());
        }
        List<Variable> found = new ArrayList<>();
        for (JobConfig job : terminalJobs(workflow)) {
            Object template = job.output();
            if (template == null) {
                ActionSpec action = actionOf(job.component(), job.action());
                template = action == null ? null : action.output();
            }
            found.addAll(outputVariables(template));
        }
        return found;
    }

    /** A map gives one variable per key (typed by the first cast in its value); anything else one unnamed one. */
    private static List<Variable> outputVariables(Object template) {
        if (template == null) {
            return List.of();
        }
        if (template instanceof Map<?, ?> map) {
            List<Variable> found = new ArrayList<>();
            map.forEach((key, value) -> found.add(named(String.valueOf(key), ANY.scan(value))));
            return found;
        }
        return List.of(named(null, ANY.scan(template)));
    }

    private static Variable named(String name, List<Variable> references) {
        if (references.isEmpty()) {
            return new Variable(name, "string", false, null, null, null, List.of(), List.of());
        }
        Variable first = references.get(0);
        return new Variable(name, first.type(), first.isList(), first.subtype(), first.format(), null,
                first.options(), first.annotations());
    }

    private static List<JobConfig> terminalJobs(WorkflowConfig workflow) {
        Set<String> dependedOn = new HashSet<>();
        workflow.jobs().forEach(job -> job.dependsOn().forEach(dependedOn::addAll));
        return workflow.jobs().stream().filter(job -> !dependedOn.contains(job.id())).toList();
    }

    private static ActionSpec actionOf(ComponentConfig component, String actionId) {
        if (component == null) {
            return null;
        }
        try {
            return component.action(actionId);
        } catch (ComposeException e) {
            return null; // validation reports it; the schema only lists what it can find
        }
    }

    private WorkflowConfig workflowOrNull(String id) {
        try {
            return config.workflow(id);
        } catch (ComposeException e) {
            return null;
        }
    }

    private static Object templatesOf(ActionSpec action) {
        if (action instanceof ShellAction shell) {
            return Arrays.asList(shell.command(), shell.workingDir(), shell.env());
        }
        if (action instanceof HttpClientAction http) {
            return Arrays.asList(http.baseUrl(), http.path(), http.endpoint(), http.method(), http.headers(),
                    http.params(), http.body());
        }
        if (action instanceof LoggerAction) {
            return null; // a logger writes its job input as it is
        }
        if (action instanceof RemoteWorkflowAction remote) {
            return remote.input(); // the remote workflow's own inputs are not known here
        }
        return null;
    }

    private static List<Variable> distinct(List<Variable> variables) {
        Map<String, Variable> byName = new LinkedHashMap<>();
        for (Variable variable : variables) {
            byName.putIfAbsent(String.valueOf(variable.name()), variable);
        }
        return List.copyOf(byName.values());
    }
}
