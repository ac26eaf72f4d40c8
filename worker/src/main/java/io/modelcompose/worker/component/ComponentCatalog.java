package io.modelcompose.worker.component;

import io.modelcompose.shared.config.ActionSpec;
import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;

/** Finds the action a dispatched job names: a declared component id, or {@code <workflow>/<job>} for inline ones. */
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
        var declared = config.component(componentRef);
        if (declared.isPresent()) {
            return declared.get();
        }
        int slash = componentRef.indexOf('/');
        if (slash > 0) {
            String workflowId = componentRef.substring(0, slash);
            String jobId = componentRef.substring(slash + 1);
            return config.workflows().stream().filter(w -> w.id().equals(workflowId)).findFirst()
                    .flatMap(w -> w.job(jobId))
                    .map(JobConfig::component)
                    .orElseThrow(() -> unknown(componentRef));
        }
        throw unknown(componentRef);
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
