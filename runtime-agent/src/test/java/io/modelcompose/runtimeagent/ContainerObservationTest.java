package io.modelcompose.runtimeagent;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.runtimeagent.ContainerObservation.Change;
import io.modelcompose.shared.event.AgentEvents.Kind;
import org.junit.jupiter.api.Test;

class ContainerObservationTest {
    private static ContainerObservation running(String health, int restarts, String startedAt) {
        return new ContainerObservation(true, false, "running", health, null, restarts, 0L, startedAt);
    }

    private static ContainerObservation exited(long code) {
        return new ContainerObservation(false, false, "exited", null, null, 0, code, "t1");
    }

    @Test
    void reportsHealthyOnceTheCheckPassesAfterStart() {
        ContainerObservation healthy = running("healthy", 0, "t1");

        assertThat(healthy.changesSince(ContainerObservation.justStarted()))
                .containsExactly(new Change(Kind.HEALTHY, null));
        assertThat(healthy.changesSince(healthy)).isEmpty();
    }

    @Test
    void reportsNothingForAContainerWithoutHealthCheckThatKeepsRunning() {
        assertThat(running(null, 0, "t1").changesSince(ContainerObservation.justStarted())).isEmpty();
    }

    @Test
    void reportsUnhealthyWithTheLastCheckOutput() {
        ContainerObservation unhealthy = new ContainerObservation(true, false, "running", "unhealthy", "curl: refused",
                0, 0L, "t1");

        assertThat(unhealthy.changesSince(running("healthy", 0, "t1")))
                .containsExactly(new Change(Kind.UNHEALTHY, "curl: refused"));
    }

    @Test
    void reportsExitedWithTheExitCode() {
        assertThat(exited(137).changesSince(running("healthy", 0, "t1")))
                .containsExactly(new Change(Kind.EXITED, "exit code 137"));
    }

    @Test
    void reportsRestartedWhenTheEngineRestartedTheContainer() {
        assertThat(running(null, 2, "t3").changesSince(running(null, 1, "t2")))
                .containsExactly(new Change(Kind.RESTARTED, "restart 2"));
    }

    @Test
    void reportsStartedWhenAStoppedContainerRunsAgain() {
        assertThat(running(null, 0, "t2").changesSince(exited(0))).containsExactly(new Change(Kind.STARTED, null));
    }

    @Test
    void reportsStartedWhenTheContainerWasRestartedBetweenTwoInspections() {
        assertThat(running(null, 0, "t2").changesSince(running(null, 0, "t1")))
                .containsExactly(new Change(Kind.STARTED, null));
    }

    @Test
    void describesStateHealthAndExitCode() {
        assertThat(running("healthy", 0, "t1").describe()).isEqualTo("running (healthy)");
        assertThat(exited(3).describe()).isEqualTo("exited, exit code 3");
    }
}
