package io.modelcompose.gateway;

import io.modelcompose.gateway.http.ApiTokenAuth;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Tuning of the gateway.
 *
 * @param bodyLimitBytes largest accepted request body; larger bodies answer 413
 * @param syncWaitTimeout how long a synchronous run request waits for the outcome before answering 202 with the
 *     current state; null waits until the run finishes
 * @param readinessCheckTimeout how long one readiness check may take before it counts as DOWN
 * @param routerExtension called with the root router once the API routes are in place (e.g. to add {@code /metrics})
 */
public record GatewayOptions(
        long bodyLimitBytes,
        Duration syncWaitTimeout,
        Duration readinessCheckTimeout,
        Consumer<Router> routerExtension) {

    /** The environment variable that holds the API token when the config names none (clients send it too). */
    public static final String API_TOKEN_ENV = ApiTokenAuth.ENV_VARIABLE;
    public static final long DEFAULT_BODY_LIMIT_BYTES = 1024L * 1024L;
    public static final Duration DEFAULT_READINESS_CHECK_TIMEOUT = Duration.ofSeconds(2);

    public GatewayOptions {
        if (bodyLimitBytes <= 0) {
            throw new IllegalArgumentException("bodyLimitBytes must be positive: " + bodyLimitBytes);
        }
        if (syncWaitTimeout != null && (syncWaitTimeout.isNegative() || syncWaitTimeout.isZero())) {
            throw new IllegalArgumentException("syncWaitTimeout must be positive: " + syncWaitTimeout);
        }
        readinessCheckTimeout = Objects.requireNonNullElse(readinessCheckTimeout, DEFAULT_READINESS_CHECK_TIMEOUT);
        routerExtension = Objects.requireNonNullElse(routerExtension, router -> { });
    }

    /** 1 MiB bodies, synchronous callers wait as long as the run takes, 2 s readiness checks, no extension. */
    public static GatewayOptions defaults() {
        return new GatewayOptions(DEFAULT_BODY_LIMIT_BYTES, null, DEFAULT_READINESS_CHECK_TIMEOUT, null);
    }

    public GatewayOptions withBodyLimitBytes(long limit) {
        return new GatewayOptions(limit, syncWaitTimeout, readinessCheckTimeout, routerExtension);
    }

    public GatewayOptions withSyncWaitTimeout(Duration timeout) {
        return new GatewayOptions(bodyLimitBytes, timeout, readinessCheckTimeout, routerExtension);
    }

    public GatewayOptions withReadinessCheckTimeout(Duration timeout) {
        return new GatewayOptions(bodyLimitBytes, syncWaitTimeout, timeout, routerExtension);
    }

    public GatewayOptions withRouterExtension(Consumer<Router> extension) {
        return new GatewayOptions(bodyLimitBytes, syncWaitTimeout, readinessCheckTimeout, extension);
    }
}
