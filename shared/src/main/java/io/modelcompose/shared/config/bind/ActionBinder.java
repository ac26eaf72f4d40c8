package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.ActionSpec;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.LoggerAction;
import io.modelcompose.shared.config.RemoteWorkflowAction;
import io.modelcompose.shared.config.ShellAction;
import io.modelcompose.shared.config.WorkflowAction;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.util.List;

/**
 * Binds the type-specific fields of one action. The fields are read from an {@code actions:} item, from the
 * component itself (one action {@code __action__}) or from a job that uses a type inline; in the last case the
 * job's {@code timeout} and {@code output} belong to the job, not to the action.
 */
final class ActionBinder {
    static final List<String> LEVELS = List.of("debug", "info", "warning", "error", "critical");

    private ActionBinder() {
    }

    /**
     * @param type the component type (known)
     * @param fields where the action's keys are
     * @param component where the component's keys are (base_url, headers for http-client)
     * @param onJob the fields belong to a job using the type inline
     */
    static ActionSpec bind(String type, Fields fields, Fields component, String id, boolean isDefault,
            boolean onJob, BindContext context) {
        Object output = onJob ? null : fields.template("output");
        return switch (type) {
            case ComponentTypes.HTTP_CLIENT -> HttpActionBinder.bind(fields, component, id, isDefault, output, onJob);
            case ComponentTypes.SHELL -> shell(fields, id, isDefault, output, onJob);
            case ComponentTypes.LOGGER -> new LoggerAction(id, isDefault, output, fields.choice("level", "info",
                    LEVELS));
            default -> workflow(fields, id, isDefault, output, onJob, context);
        };
    }

    private static ShellAction shell(Fields fields, String id, boolean isDefault, Object output, boolean onJob) {
        fields.requireKey("command", "");
        YNode command = fields.node("command");
        if (command != null && !(command instanceof YScalar) && !(command instanceof YList)) {
            fields.problems().wrongType(command, fields.path("command"), "a string or a list");
        }
        YNode env = fields.node("env");
        if (env != null && env instanceof YList) {
            fields.problems().wrongType(env, fields.path("env"), "a mapping");
        }
        return new ShellAction(id, isDefault, output, fields.template("command"), fields.template("working_dir"),
                fields.template("env"), onJob ? null : fields.duration("timeout"),
                fields.bool("fail_on_error", true));
    }

    /**
     * A sub-workflow of this file, or, with {@code controller.queue}, a workflow not defined here: a run on the queue
     * subscriber's set.
     */
    private static ActionSpec workflow(Fields fields, String id, boolean isDefault, Object output,
            boolean onJob, BindContext context) {
        String workflow = fields.string("workflow", ComposeConfig.DEFAULT_ID);
        Object input = onJob ? null : fields.template("input");
        if (context.queue() != null && !workflow.equals(ComposeConfig.DEFAULT_ID) && !context.hasWorkflow(workflow)) {
            return new RemoteWorkflowAction(id, isDefault, output, workflow, input, context.queue());
        }
        if (workflow.equals(ComposeConfig.DEFAULT_ID)) {
            String problem = context.defaultWorkflowProblem();
            if (problem != null) {
                fields.problem("workflow", "no default workflow: " + problem);
            }
        } else if (!context.hasWorkflow(workflow)) {
            fields.problem("workflow", "unknown workflow '" + workflow + "'"
                    + " (a workflow of another set is called through controller.queue)");
        }
        return new WorkflowAction(id, isDefault, output, workflow, input);
    }
}
