package io.modelcompose.gateway.kafka;

/**
 * What a run id says of itself: whether it can be one at all (26 characters of Crockford base32) and, for the
 * time-ordered ids a gateway makes (not those derived from an idempotency key, which begin with {@code K}), the
 * millisecond it was made, in its first ten characters.
 */
final class RunIdTimes {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 26;

    private RunIdTimes() {
    }

    static boolean isRunId(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** When a time-ordered id was made (epoch ms), or -1 for an id derived from an idempotency key or no id. */
    static long createdAtMillis(String id) {
        if (!isRunId(id) || id.charAt(0) == 'K') {
            return -1;
        }
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = (millis << 5) | ALPHABET.indexOf(id.charAt(i));
        }
        return millis;
    }

    /** Whether the id was derived from an {@code Idempotency-Key} (a client may send it again). */
    static boolean fromIdempotencyKey(String id) {
        return isRunId(id) && id.charAt(0) == 'K';
    }
}
