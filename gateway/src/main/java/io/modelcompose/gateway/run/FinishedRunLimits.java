package io.modelcompose.gateway.run;

import java.time.Duration;
import java.util.Map;

/**
 * How many finished runs a gateway holds in memory for {@code GET /tasks/{id}}: at most {@code maxRuns} runs and
 * {@code maxBytes} bytes (their JSON plus an estimate of the map's own cost per run), none older than
 * {@code retention}. A run beyond these bounds is still answered: it is read back from the run-state topic.
 *
 * @param maxRuns finished runs held at most (the oldest go first)
 * @param maxBytes bytes the held runs may take at most
 * @param retention how long a finished run is held at most
 */
public record FinishedRunLimits(int maxRuns, long maxBytes, Duration retention) {
    /** Environment variable that sets {@link #maxRuns()}. */
    public static final String MAX_RUNS_ENV = "COMPOSE_GATEWAY_FINISHED_RUNS";
    /** Environment variable that sets {@link #maxBytes()} (a number of bytes; suffixes k, m). */
    public static final String MAX_BYTES_ENV = "COMPOSE_GATEWAY_FINISHED_BYTES";
    public static final int DEFAULT_MAX_RUNS = 10_000;
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);

    public FinishedRunLimits {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be positive: " + maxRuns);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
    }

    /** 10,000 runs, 16 MiB, one hour. */
    public static FinishedRunLimits defaults() {
        return new FinishedRunLimits(DEFAULT_MAX_RUNS, DEFAULT_MAX_BYTES, DEFAULT_RETENTION);
    }

    /**
     * The defaults, with {@value #MAX_RUNS_ENV} and {@value #MAX_BYTES_ENV} taken from {@code env} when set.
     *
     * @throws IllegalArgumentException naming the variable when its value is not a positive number
     */
    public static FinishedRunLimits fromEnv(Map<String, String> env) {
        FinishedRunLimits d = defaults();
        long runs = number(env, MAX_RUNS_ENV, d.maxRuns());
        if (runs > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(MAX_RUNS_ENV + " is too large: " + runs);
        }
        return new FinishedRunLimits((int) runs, number(env, MAX_BYTES_ENV, d.maxBytes()), d.retention());
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = t.endsWith("k") ? 1024 : t.endsWith("m") ? 1024 * 1024 : 1;
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long value = Math.multiplyExact(Long.parseLong(digits), unit);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive number, not '" + text + "'");
    }
}
