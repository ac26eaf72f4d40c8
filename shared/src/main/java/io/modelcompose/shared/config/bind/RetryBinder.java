package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.RetryConfig;
import io.modelcompose.shared.config.RetryConfig.Backoff;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Binds {@code retry}: an integer (the attempt count) or {@code {max_attempt_count, delay, backoff, max_delay}}. */
final class RetryBinder {
    private static final Set<String> KEYS = Set.of("max_attempt_count", "delay", "backoff", "max_delay");

    private RetryBinder() {
    }

    static RetryConfig bind(Fields job) {
        YNode node = job.node("retry");
        if (node == null) {
            return RetryConfig.NONE;
        }
        if (node instanceof YScalar) {
            int attempts = job.integer("retry", 1, 1, Integer.MAX_VALUE);
            return new RetryConfig(attempts, Duration.ZERO, Backoff.FIXED, null);
        }
        if (!(node instanceof YMap)) {
            job.problems().wrongType(node, job.path("retry"), "an attempt count or a mapping");
            return RetryConfig.NONE;
        }
        Fields retry = Fields.of(node, job.path("retry"), job.problems());
        retry.allowOnly(KEYS);
        String backoff = retry.choice("backoff", "fixed", List.of("fixed", "exponential"));
        return new RetryConfig(retry.integer("max_attempt_count", 1, 1, Integer.MAX_VALUE),
                retry.duration("delay", Duration.ZERO), Backoff.valueOf(backoff.toUpperCase(Locale.ROOT)),
                retry.duration("max_delay"));
    }
}
