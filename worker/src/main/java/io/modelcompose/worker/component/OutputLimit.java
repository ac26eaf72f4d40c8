package io.modelcompose.worker.component;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.Map;

/**
 * The largest output a job may produce: a shell job's stdout and stderr each, and its whole result record.
 * {@value #VARIABLE} in the config's environment sets it (bytes, at least 1024).
 */
public final class OutputLimit {
    /** The environment variable that sets the limit. */
    public static final String VARIABLE = "COMPOSE_MAX_RESULT_BYTES";
    /** Under the broker's default record limit ({@code message.max.bytes}, 1 MiB + 12 bytes). */
    public static final int DEFAULT_BYTES = 1_000_000;
    private static final int MIN_BYTES = 1024;

    private OutputLimit() {
    }

    /** The limit set in {@code env}, else the default. */
    public static int of(Map<String, String> env) {
        String configured = env == null ? null : env.get(VARIABLE);
        if (configured == null || configured.isBlank()) {
            return DEFAULT_BYTES;
        }
        try {
            return Math.max(MIN_BYTES, Integer.parseInt(configured.strip()));
        } catch (NumberFormatException e) {
            throw new ComposeException(ErrorCode.CONFIG_INVALID, VARIABLE + " must be a number of bytes");
        }
    }

    /** The failure of an output of {@code bytes} over {@code limit}. */
    public static ComposeException tooLarge(String what, long bytes, long limit) {
        return new ComposeException(ErrorCode.COMPONENT_FAILED, "output too large: " + what + " " + bytes
                + " bytes, limit " + limit + " (" + VARIABLE + ")");
    }

    static void check(String what, long bytes, long limit) {
        if (bytes > limit) {
            throw tooLarge(what, bytes, limit);
        }
    }
}
