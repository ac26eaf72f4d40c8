package io.modelcompose.shared.config.docker;

import java.time.Duration;
import java.util.List;

/**
 * A container health check. A string test becomes {@code ["CMD-SHELL", test]}.
 *
 * @param test the test command, starting with CMD, CMD-SHELL or NONE
 * @param interval time between checks (30 s)
 * @param timeout time a check may take (30 s)
 * @param retries consecutive failures before unhealthy ({@code max_retry_count}, 3)
 * @param startPeriod grace period after start (0 s)
 */
public record HealthcheckOptions(List<String> test, Duration interval, Duration timeout, int retries,
        Duration startPeriod) {

    public HealthcheckOptions {
        test = List.copyOf(test);
    }
}
