package io.modelcompose.runtimeagent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerAvailabilityTest {

    @Test
    void reportsAMissingEngineWithItsAddressAndReason() {
        String previous = System.getProperty("DOCKER_HOST");
        System.setProperty("DOCKER_HOST", "unix:///nonexistent/compose-agent-test.sock");
        try {
            DockerAvailability availability = DockerAvailability.check();

            assertThat(availability.available()).isFalse();
            assertThat(availability.apiVersion()).isNull();
            assertThat(availability.describe())
                    .startsWith("no Docker engine at unix:///nonexistent/compose-agent-test.sock: ");
        } finally {
            if (previous == null) {
                System.clearProperty("DOCKER_HOST");
            } else {
                System.setProperty("DOCKER_HOST", previous);
            }
        }
    }
}
