package io.modelcompose.shared.config;

/**
 * A workflow action: runs a sub-workflow inside the same run.
 *
 * @param id action id
 * @param isDefault default action
 * @param output output template (source {@code output})
 * @param workflow the sub-workflow id, or {@code __default__}
 * @param input input template of the sub-workflow; null = the job input
 */
public record WorkflowAction(String id, boolean isDefault, Object output, String workflow, Object input)
        implements ActionSpec {
}
