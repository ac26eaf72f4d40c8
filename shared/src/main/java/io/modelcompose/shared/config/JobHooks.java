package io.modelcompose.shared.config;

import java.util.List;

/**
 * A component job's hooks ({@code hook:}): component calls made before the job's component, each result replacing
 * the job's input, and after it, each result replacing the job's result, in the order written. Upstream's Python
 * {@code script} hooks are not kept here: they are accepted with a warning and never run.
 *
 * @param before the hooks called before the component, in order
 * @param after the hooks called after the component (and after its {@code interrupt.after}), in order
 */
public record JobHooks(List<Hook> before, List<Hook> after) {
    public static final String BEFORE = "before";
    public static final String AFTER = "after";

    public JobHooks {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** The hooks of {@code phase} ({@link #BEFORE} or {@link #AFTER}). */
    public List<Hook> of(String phase) {
        return BEFORE.equals(phase) ? before : after;
    }

    /**
     * One hook: a call of a component's action.
     *
     * @param component a declared component, or one written inline on the hook
     * @param action the action id, or {@code __default__}
     * @param input the template of what the hook receives, or null: before, the job's input; after,
     *     {@code {input, output}}. It sees {@code ${input}} = the job's input so far and, after, {@code ${output}} =
     *     the job's result so far, besides the job's usual sources.
     */
    public record Hook(ComponentConfig component, String action, Object input) {
    }
}
