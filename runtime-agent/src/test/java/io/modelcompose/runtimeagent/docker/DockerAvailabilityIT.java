package io.modelcompose.runtimeagent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.testkit.docker.RequiresDocker;
import org.junit.jupiter.api.Test;

@RequiresDocker
class DockerAvailabilityIT {

    @Test
    void reportsTheEnginesApiVersionWithoutPinningOne() {
        DockerAvailability availability = DockerAvailability.check();

        assertThat(availability.available()).isTrue();
        assertThat(availability.apiVersion()).matches("1\\.\\d+");
        assertThat(availability.describe()).contains("(API " + availability.apiVersion() + ")");
    }
}
