package io.modelcompose.gateway.schema;

import java.util.List;

/**
 * What a caller needs to know to run a workflow: its inputs and the variables of its output.
 *
 * @param workflowId the workflow id
 * @param title its title, or null
 * @param description its description, or null
 * @param isDefault marked {@code default: true}
 * @param input the input variables, first reference of each name first
 * @param output the output variables
 */
public record WorkflowSchema(String workflowId, String title, String description, boolean isDefault,
        List<Variable> input, List<Variable> output) {

    public WorkflowSchema {
        input = List.copyOf(input);
        output = List.copyOf(output);
    }
}
