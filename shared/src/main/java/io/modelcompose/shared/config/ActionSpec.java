package io.modelcompose.shared.config;

/**
 * One action of a component, with its type-specific fields. Template fields are kept as parsed YAML values
 * (String, Map, List, Number, Boolean, null) and rendered with the expression language when a job runs.
 */
public sealed interface ActionSpec
        permits HttpClientAction, ShellAction, LoggerAction, WorkflowAction, RemoteWorkflowAction {

    /** The action id ({@code __action__} for a component written with one action on itself). */
    String id();

    /** Marked {@code default: true}. */
    boolean isDefault();

    /** The component-level output template, or null for the raw result. */
    Object output();
}
