package io.modelcompose.broker;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/** Waits until the broker answers {@code describeCluster} with itself as a live node. */
final class Readiness {
    private static final int MAX_ATTEMPTS = 600;
    private static final long EMPTY_CLUSTER_BACKOFF_MS = 50;

    private Readiness() {
    }

    static void await(String bootstrapServers, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(adminConfig(bootstrapServers, timeout))) {
            for (int attempt = 0; attempt < MAX_ATTEMPTS && System.nanoTime() < deadline; attempt++) {
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes()
                            .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                    TimeUnit.MILLISECONDS.sleep(EMPTY_CLUSTER_BACKOFF_MS);
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker", e);
                }
            }
        }
        throw new IllegalStateException("broker on " + bootstrapServers + " not ready within " + timeout, last);
    }

    private static Map<String, Object> adminConfig(String bootstrapServers, Duration timeout) {
        int apiTimeout = (int) Math.min(Integer.MAX_VALUE, Math.max(1_000, timeout.toMillis()));
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "compose-broker-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(apiTimeout, 5_000),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, apiTimeout,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50);
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }
}
