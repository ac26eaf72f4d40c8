package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.ConfigProblem;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A whole, validated model-compose configuration.
 *
 * @param controller the controller (HTTP API, runtime, broker)
 * @param components declared components, in file order
 * @param workflows declared workflows, in file order
 * @param loggers configured loggers (one console logger at info when none are declared)
 * @param env the resolved environment the file was loaded with (the {@code env} expression source)
 * @param files the files that were merged, in order
 * @param warnings keys that were accepted but are not acted on, each as one line naming the key
 */
public record ComposeConfig(
        ControllerConfig controller,
        List<ComponentConfig> components,
        List<WorkflowConfig> workflows,
        List<LoggerConfig> loggers,
        Map<String, String> env,
        List<String> files,
        List<ConfigProblem> warnings) {

    public static final String DEFAULT_ID = "__default__";

    public ComposeConfig {
        components = List.copyOf(components);
        workflows = List.copyOf(workflows);
        loggers = List.copyOf(loggers);
        env = Map.copyOf(env);
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /** A configuration without warnings. */
    public ComposeConfig(ControllerConfig controller, List<ComponentConfig> components, List<WorkflowConfig> workflows,
            List<LoggerConfig> loggers, Map<String, String> env, List<String> files) {
        this(controller, components, workflows, loggers, env, files, List.of());
    }

    /**
     * The workflow with this id as clients outside the configuration may run it (HTTP): like {@link #workflow} but a
     * private workflow is not found.
     *
     * @throws ComposeException with {@link ErrorCode#NOT_FOUND} when there is no such public workflow
     */
    public WorkflowConfig publicWorkflow(String id) {
        WorkflowConfig workflow = workflow(id);
        if (workflow.isPrivate()) {
            throw new ComposeException(ErrorCode.NOT_FOUND, "Workflow '" + (id == null ? DEFAULT_ID : id)
                    + "' not found.");
        }
        return workflow;
    }

    /** The component with this id, if declared. */
    public Optional<ComponentConfig> component(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The component a dispatch names ({@link ComponentConfig#ref}): a declared one, or one written inline on a job or
     * on a job's hook of the named workflow.
     */
    public Optional<ComponentConfig> componentByRef(String ref) {
        Optional<ComponentConfig> declared = component(ref);
        int slash = ref.indexOf('/');
        if (declared.isPresent() || slash <= 0) {
            return declared;
        }
        String workflowId = ref.substring(0, slash);
        String inlineId = ref.substring(slash + 1);
        return workflows.stream().filter(w -> w.id().equals(workflowId)).findFirst().stream()
                .flatMap(w -> w.jobs().stream())
                .flatMap(ComposeConfig::componentsOf)
                .filter(c -> c.inline() && c.id().equals(inlineId))
                .findFirst();
    }

    private static Stream<ComponentConfig> componentsOf(JobConfig job) {
        JobHooks hooks = job.options().hooks();
        Stream<ComponentConfig> own = Stream.ofNullable(job.component());
        if (hooks == null) {
            return own;
        }
        return Stream.concat(own, Stream.concat(hooks.before().stream(),
                hooks.after().stream()).map(JobHooks.Hook::component));
    }

    /**
     * The workflow with this id; {@code null} or {@code __default__} selects the only workflow or the one marked
     * {@code default: true}.
     *
     * @throws ComposeException with {@link ErrorCode#NOT_FOUND} when there is no such workflow
     */
    public WorkflowConfig workflow(String id) {
        if (id == null || id.equals(DEFAULT_ID)) {
            if (workflows.size() == 1) {
                return workflows.get(0);
            }
            return workflows.stream().filter(WorkflowConfig::isDefault).findFirst()
                    .orElseThrow(() -> new ComposeException(ErrorCode.NOT_FOUND,
                            "no default workflow: " + workflows.size() + " workflows and none is marked 'default: true'"));
        }
        return workflows.stream().filter(w -> w.id().equals(id)).findFirst()
                .orElseThrow(() -> new ComposeException(ErrorCode.NOT_FOUND, "Workflow '" + id + "' not found."));
    }

    /**
     * The workflow with this id, as {@link #workflow}, when this set runs it: a queue subscriber runs only the
     * workflows its {@code workflows} list names (all when it names none).
     *
     * @throws ComposeException with {@link ErrorCode#NOT_FOUND} when there is no such workflow or it is not served
     */
    public WorkflowConfig servedWorkflow(String id) {
        WorkflowConfig workflow = workflow(id);
        QueueSubscriberConfig subscriber = controller.subscriber();
        if (subscriber != null && !subscriber.serves(workflow.id())) {
            throw new ComposeException(ErrorCode.NOT_FOUND, "Workflow '" + workflow.id() + "' is not served by this "
                    + "queue subscriber (it serves " + String.join(", ", subscriber.workflows()) + ").");
        }
        return workflow;
    }
}
