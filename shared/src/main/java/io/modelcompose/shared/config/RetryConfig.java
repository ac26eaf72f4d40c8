package io.modelcompose.shared.config;

import java.time.Duration;

/**
 * Retry policy of a job.
 *
 * @param maxAttemptCount total attempts including the first (at least 1)
 * @param delay delay before the second attempt
 * @param backoff fixed or exponential ({@code delay * 2^(attempt-1)})
 * @param maxDelay upper bound of the delay; null = none
 */
public record RetryConfig(int maxAttemptCount, Duration delay, Backoff backoff, Duration maxDelay) {
    public static final RetryConfig NONE = new RetryConfig(1, Duration.ZERO, Backoff.FIXED, null);

    /** How the delay grows between attempts. */
    public enum Backoff { FIXED, EXPONENTIAL }

    /** The delay to wait after failed attempt {@code attempt} (1-based) before the next one. */
    public Duration delayAfter(int attempt) {
        Duration d = delay;
        if (backoff == Backoff.EXPONENTIAL) {
            long factor = 1L << Math.min(30, Math.max(0, attempt - 1));
            d = delay.multipliedBy(factor);
        }
        if (maxDelay != null && d.compareTo(maxDelay) > 0) {
            d = maxDelay;
        }
        return d;
    }
}
