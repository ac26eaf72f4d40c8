package io.modelcompose.gateway.http;

import java.time.Duration;

/**
 * The limits the HTTP API applies (taken from the gateway's options by its verticle).
 *
 * @param bodyLimitBytes largest accepted request body; larger bodies answer 413
 * @param syncWaitTimeout how long a synchronous run request waits before answering 202; null waits until the end
 * @param readinessCheckTimeout how long one readiness check may take before it counts as DOWN
 */
public record ApiLimits(long bodyLimitBytes, Duration syncWaitTimeout, Duration readinessCheckTimeout) {
}
