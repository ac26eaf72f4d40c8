package io.modelcompose.worker.component;

import io.modelcompose.shared.config.ActionSpec;
import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;

/**
 * Finds the action a dispatched job names: a declared component id, or {@code <workflow>/<id>} for one written inline
 * on a job or a job's hook.
 */
public final class ComponentCatalog {
    private final ComposeConfig config;

    public ComponentCatalog(ComposeConfig config) {
        this.config = config;
    }

    public ActionSpec action(String componentRef, String actionId) {
        return component(componentRef).action(actionId);
    }

    /**
     * The component a job names.
     *
     * @throws ComposeException with {@link ErrorCode#NOT_FOUND} when no such component (or workflow job) exists
     */
    public ComponentConfig component(String componentRef) {
        return config.componentByRef(componentRef).orElseThrow(() -> unknown(componentRef));
    }

    /** True when {@link #component} finds this reference. */
    public boolean knows(String componentRef) {
        try {
            component(componentRef);
            return true;
        } catch (ComposeException e) {
            return false;
        }
    }

    private static ComposeException unknown(String ref) {
        return new ComposeException(ErrorCode.NOT_FOUND, "unknown component '" + ref + "'");
    }
}
