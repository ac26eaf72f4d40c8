package io.modelcompose.testkit.docker;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 condition for tests that need a Docker engine (use {@link RequiresDocker}). Without an engine the tests
 * are skipped with one line saying why; with {@code COMPOSE_REQUIRE_DOCKER=1} in the environment they fail instead,
 * so that CI cannot pass by skipping.
 */
public final class DockerTestSupport implements ExecutionCondition {
    public static final String REQUIRE_ENV = "COMPOSE_REQUIRE_DOCKER";
    private static volatile String unavailableReason;
    private static volatile boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return decide(unavailableReason(), System.getenv(REQUIRE_ENV));
    }

    /** Run when there is an engine; else skip, or fail when {@code requireDocker} is "1". */
    static ConditionEvaluationResult decide(String unavailableReason, String requireDocker) {
        if (unavailableReason == null) {
            return ConditionEvaluationResult.enabled("Docker engine reachable");
        }
        if ("1".equals(requireDocker)) {
            throw new IllegalStateException(REQUIRE_ENV + "=1 but " + unavailableReason);
        }
        return ConditionEvaluationResult.disabled(skipLine(unavailableReason));
    }

    /** Null when an engine answers, else one line saying why the Docker tests cannot run. */
    public static synchronized String unavailableReason() {
        if (!checked) {
            unavailableReason = probe();
            checked = true;
            if (unavailableReason != null && !"1".equals(System.getenv(REQUIRE_ENV))) {
                System.err.println("[docker tests skipped] " + skipLine(unavailableReason));
            }
        }
        return unavailableReason;
    }

    private static String skipLine(String reason) {
        return reason + "; set " + REQUIRE_ENV + "=1 to fail instead of skip";
    }

    static String probe() {
        String host = TestDocker.host();
        try (DockerClient client = TestDocker.newClient(Duration.ofSeconds(3))) {
            client.versionCmd().exec();
            return null;
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            return "no Docker engine at " + host + " (" + why + ")";
        }
    }
}
