package io.modelcompose.transport.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/** The null-object registry roles use when metrics are off, and how to recognise it. */
public final class MeterRegistries {
    private MeterRegistries() {
    }

    /** A registry whose meters record nothing (a composite with no member). */
    public static MeterRegistry noop() {
        return new CompositeMeterRegistry();
    }

    /** True for a registry that keeps nothing: null or a composite without members. */
    public static boolean isNoop(MeterRegistry registry) {
        return registry == null
                || registry instanceof CompositeMeterRegistry composite && composite.getRegistries().isEmpty();
    }

    /** The registry for client binders (Kafka consumers), or null when it keeps nothing: binding would be wasted. */
    public static MeterRegistry forClients(MeterRegistry registry) {
        return isNoop(registry) ? null : registry;
    }
}
