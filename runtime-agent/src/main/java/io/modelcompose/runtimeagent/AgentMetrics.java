package io.modelcompose.runtimeagent;

import static io.modelcompose.shared.metrics.MetricNames.PROJECT;
import static io.modelcompose.shared.metrics.MetricNames.SERVICE;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcompose.shared.event.AgentEvents.AgentEvent;
import io.modelcompose.shared.event.AgentEvents.Kind;
import io.modelcompose.transport.metrics.MeterRegistries;
import io.modelcompose.shared.metrics.MetricNames;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runtime-agent's meters, driven by the events it publishes: events by kind, container restarts, and whether each
 * service's container runs and is healthy. Tags are the compose project and service (never a container id).
 */
final class AgentMetrics implements AutoCloseable {
    private final MeterRegistry registry;
    private final Map<Kind, Counter> events = new EnumMap<>(Kind.class);
    private final Map<String, ContainerMeters> containers = new ConcurrentHashMap<>();

    AgentMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Kind kind : Kind.values()) {
            events.put(kind, Counter.builder(MetricNames.AGENT_EVENTS)
                    .tag(MetricNames.KIND, kind.name().toLowerCase(Locale.ROOT))
                    .description("Image and container events published").register(registry));
        }
    }

    /** Accounts for an event the agent publishes. */
    void published(AgentEvent event) {
        events.get(event.kind()).increment();
        switch (event.kind()) {
            case STARTED -> container(event).running.set(1);
            case RESTARTED -> {
                ContainerMeters meters = container(event);
                meters.restarts.increment();
                meters.running.set(1);
            }
            case EXITED -> container(event).running.set(0);
            case HEALTHY -> container(event).healthy(true);
            case UNHEALTHY -> container(event).healthy(false);
            case REMOVED -> forget(event.project(), event.service());
            default -> {
            }
        }
    }

    /** A container found at start, in the state an inspection showed. */
    void found(String project, String service, ContainerObservation now) {
        ContainerMeters meters = container(project, service);
        meters.running.set(now.running() ? 1 : 0);
        if (now.health() != null) {
            meters.healthy("healthy".equals(now.health()));
        }
    }

    /** The registry for Kafka client metrics, or null when metrics are off. */
    MeterRegistry clientRegistry() {
        return MeterRegistries.forClients(registry);
    }

    /** Removes the per-container gauges; counters stay with the registry. */
    @Override
    public void close() {
        containers.values().forEach(ContainerMeters::removeGauges);
        containers.clear();
    }

    private void forget(String project, String service) {
        ContainerMeters meters = containers.remove(key(project, service));
        if (meters != null) {
            meters.removeGauges();
        }
    }

    private ContainerMeters container(AgentEvent event) {
        return container(event.project(), event.service());
    }

    private ContainerMeters container(String project, String service) {
        return containers.computeIfAbsent(key(project, service),
                k -> new ContainerMeters(orUnknown(project), orUnknown(service)));
    }

    private static String key(String project, String service) {
        return orUnknown(project) + '\u0000' + orUnknown(service);
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? MetricNames.UNKNOWN : value;
    }

    /** Meters of one service's container; the health gauge appears with the first health status. */
    private final class ContainerMeters {
        private final String project;
        private final String service;
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger health = new AtomicInteger();
        private final Counter restarts;
        private final Gauge runningGauge;
        private Gauge healthGauge;

        ContainerMeters(String project, String service) {
            this.project = project;
            this.service = service;
            restarts = Counter.builder(MetricNames.CONTAINER_RESTARTS).tags(PROJECT, project, SERVICE, service)
                    .description("Restarts by the restart policy").register(registry);
            runningGauge = Gauge.builder(MetricNames.CONTAINER_RUNNING, running, AtomicInteger::get)
                    .tags(PROJECT, project, SERVICE, service).description("1 while the container runs")
                    .register(registry);
        }

        synchronized void healthy(boolean value) {
            health.set(value ? 1 : 0);
            if (healthGauge == null) {
                healthGauge = Gauge.builder(MetricNames.CONTAINER_HEALTHY, health, AtomicInteger::get)
                        .tags(PROJECT, project, SERVICE, service).description("1 healthy, 0 unhealthy")
                        .register(registry);
            }
        }

        synchronized void removeGauges() {
            registry.remove(runningGauge);
            if (healthGauge != null) {
                registry.remove(healthGauge);
            }
        }
    }
}
