package io.modelcompose.runtimeagent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcompose.shared.event.AgentEvents.AgentEvent;
import io.modelcompose.shared.event.AgentEvents.Kind;
import io.modelcompose.shared.metrics.MetricNames;
import org.junit.jupiter.api.Test;

class AgentMetricsTest {
    private static final String CONTAINER_ID = "3f9a1c0d5e7b11aa22bb33cc44dd55ee66ff77889900aabbccddeeff00112233";
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AgentMetrics metrics = new AgentMetrics(registry);

    @Test
    void countsRestartsAndFollowsRunningAndHealthPerService() {
        publish(Kind.STARTED, null);
        assertThat(gauge(MetricNames.CONTAINER_RUNNING)).isEqualTo(1);
        assertThat(registry.find(MetricNames.CONTAINER_HEALTHY).gauge()).as("no health status yet").isNull();

        publish(Kind.HEALTHY, null);
        assertThat(gauge(MetricNames.CONTAINER_HEALTHY)).isEqualTo(1);
        publish(Kind.UNHEALTHY, "curl: connection refused");
        publish(Kind.EXITED, "exit code 1");
        assertThat(gauge(MetricNames.CONTAINER_HEALTHY)).isZero();
        assertThat(gauge(MetricNames.CONTAINER_RUNNING)).isZero();

        publish(Kind.RESTARTED, "restart 1");
        publish(Kind.RESTARTED, "restart 2");
        assertThat(registry.get(MetricNames.CONTAINER_RESTARTS).tags("project", "shop", "service", "api").counter()
                .count()).isEqualTo(2);
        assertThat(gauge(MetricNames.CONTAINER_RUNNING)).isEqualTo(1);
        assertThat(registry.get(MetricNames.AGENT_EVENTS).tag("kind", "restarted").counter().count()).isEqualTo(2);
    }

    @Test
    void aContainerFoundAtStartShowsItsInspectedState() {
        metrics.found("shop", "api", new ContainerObservation(true, false, "running", "unhealthy", "x", 3, null, "t"));

        assertThat(gauge(MetricNames.CONTAINER_RUNNING)).isEqualTo(1);
        assertThat(gauge(MetricNames.CONTAINER_HEALTHY)).isZero();
    }

    @Test
    void removalDropsTheGaugesButKeepsTheRestartCount() {
        publish(Kind.HEALTHY, null);
        publish(Kind.RESTARTED, "restart 1");
        publish(Kind.REMOVED, null);

        assertThat(registry.find(MetricNames.CONTAINER_RUNNING).gauge()).isNull();
        assertThat(registry.find(MetricNames.CONTAINER_HEALTHY).gauge()).isNull();
        assertThat(registry.get(MetricNames.CONTAINER_RESTARTS).counter().count()).isEqualTo(1);
    }

    @Test
    void tagsNameTheServiceNeverTheContainer() {
        publish(Kind.STARTED, null);
        publish(Kind.HEALTHY, null);

        assertThat(registry.getMeters()).flatExtracting(m -> m.getId().getTags())
                .noneMatch(t -> CONTAINER_ID.startsWith(t.getValue()) || t.getValue().contains(CONTAINER_ID));
    }

    private void publish(Kind kind, String detail) {
        metrics.published(AgentEvent.of("host-1", kind, "shop", "api", CONTAINER_ID, detail, null));
    }

    private double gauge(String name) {
        return registry.get(name).tags("project", "shop", "service", "api").gauge().value();
    }
}
