package io.modelcompose.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcompose.transport.metrics.MeterRegistries;
import io.modelcompose.shared.metrics.MetricNames;
import java.util.function.LongSupplier;

/** The gateway's own meters: how many workers its heartbeat reader sees alive. */
public final class GatewayMetrics implements AutoCloseable {
    private final MeterRegistry registry;
    private final Gauge workersLive;

    /**
     * @param liveWorkers counts the workers whose last heartbeat is recent (cheap: read at each scrape)
     */
    public GatewayMetrics(MeterRegistry registry, LongSupplier liveWorkers) {
        this.registry = registry;
        this.workersLive = Gauge.builder(MetricNames.WORKERS_LIVE, liveWorkers, s -> s.getAsLong())
                .description("Workers whose heartbeat is recent").strongReference(true).register(registry);
    }

    /** The registry for Kafka client metrics (consumer lag), or null when metrics are off. */
    public MeterRegistry clientRegistry() {
        return MeterRegistries.forClients(registry);
    }

    /** Removes the gauge (it reads this gateway's heartbeats). */
    @Override
    public void close() {
        registry.remove(workersLive);
    }
}
