package io.modelcompose.shared.expr;

import java.util.Map;
import java.util.Objects;

/** A scope whose own sources hide those of its parent; job outputs come from the parent. */
final class OverlayScope implements Scope {
    private final Scope parent;
    private final Map<String, ?> overrides;

    OverlayScope(Scope parent, Map<String, ?> overrides) {
        this.parent = Objects.requireNonNull(parent, "parent");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
    }

    @Override
    public Object source(String name) {
        Object value = overrides.get(name);
        if (value != null || overrides.containsKey(name)) {
            return value;
        }
        return parent.source(name);
    }

    @Override
    public Object jobOutput(String jobId) {
        return parent.jobOutput(jobId);
    }
}
