package io.modelcompose.testkit.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class DockerTestSupportTest {

    @Test
    void runsWhenTheEngineAnswers() {
        assertThat(DockerTestSupport.decide(null, null).isDisabled()).isFalse();
    }

    @Test
    void skipsWithTheReasonWhenThereIsNoEngine() {
        ConditionEvaluationResult result = DockerTestSupport.decide("no Docker engine at unix:///x.sock", null);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).contains(
                "no Docker engine at unix:///x.sock; set COMPOSE_REQUIRE_DOCKER=1 to fail instead of skip");
    }

    @Test
    void failsInsteadOfSkippingWhenDockerIsRequired() {
        assertThatThrownBy(() -> DockerTestSupport.decide("no Docker engine at unix:///x.sock", "1"))
                .hasMessage("COMPOSE_REQUIRE_DOCKER=1 but no Docker engine at unix:///x.sock");
    }

    @Test
    void probeNamesTheEngineAddressAndTheCauseInOneLine() {
        String previous = System.getProperty("DOCKER_HOST");
        System.setProperty("DOCKER_HOST", "unix:///nonexistent/compose-test.sock");
        try {
            String reason = DockerTestSupport.probe();

            assertThat(reason).startsWith("no Docker engine at unix:///nonexistent/compose-test.sock (")
                    .endsWith(")").doesNotContain("\n");
        } finally {
            if (previous == null) {
                System.clearProperty("DOCKER_HOST");
            } else {
                System.setProperty("DOCKER_HOST", previous);
            }
        }
    }
}
