package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.List;

/**
 * A component: something that does work for jobs.
 *
 * @param id component id ({@code __component__} when omitted; the job id for inline components)
 * @param type the built-in type: {@code http-client}, {@code shell}, {@code logger}, {@code workflow}
 * @param maxConcurrentCount executions allowed at once across the whole deployment; 0 = unlimited
 * @param runtime how the component runs (native)
 * @param isDefault marked {@code default: true}
 * @param actions the actions, at least one; a component written with its action fields on itself has one action
 *     with id {@code __action__}
 * @param inline true when the component was written inline on a job ({@code component: shell} + {@code command:})
 * @param location where the component was declared
 */
public record ComponentConfig(
        String id,
        String type,
        int maxConcurrentCount,
        RuntimeConfig runtime,
        boolean isDefault,
        List<ActionSpec> actions,
        boolean inline,
        SourceLocation location) {

    public static final String DEFAULT_ACTION_ID = "__action__";

    public ComponentConfig {
        actions = List.copyOf(actions);
    }

    /**
     * How a worker finds this component in a dispatch: its id when declared, {@code <workflowId>/<id>} when written
     * inline on a job (or a hook) of that workflow.
     */
    public String ref(String workflowId) {
        return inline ? workflowId + "/" + id : id;
    }

    /**
     * The action with this id; {@code null} or {@code __default__} selects the only action or the one marked
     * {@code default: true}.
     */
    public ActionSpec action(String actionId) {
        if (actionId == null || actionId.equals(ComposeConfig.DEFAULT_ID)) {
            if (actions.size() == 1) {
                return actions.get(0);
            }
            return actions.stream().filter(ActionSpec::isDefault).findFirst()
                    .orElseThrow(() -> new ComposeException(ErrorCode.NOT_FOUND,
                            "component '" + id + "' has " + actions.size() + " actions and none is marked default"));
        }
        return actions.stream().filter(a -> a.id().equals(actionId)).findFirst()
                .orElseThrow(() -> new ComposeException(ErrorCode.NOT_FOUND,
                        "component '" + id + "' has no action '" + actionId + "'"));
    }
}
