package io.modelcompose.shared.event;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Run ids: time-ordered random ids (ULID-like, 26 characters of Crockford base32), or ids derived from an
 * {@code Idempotency-Key} so that every gateway maps the same key to the same run.
 */
public final class RunIds {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    /** A new id: 48 bits of milliseconds then 80 random bits. */
    public static String newId(long nowMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return encode(nowMillis, random);
    }

    /** The id every gateway derives from the same idempotency key (and workflow). */
    public static String fromIdempotencyKey(String workflowId, String key) {
        UUID uuid = UUID.nameUUIDFromBytes((workflowId + "\u0000" + key).getBytes(StandardCharsets.UTF_8));
        byte[] tail = new byte[10];
        long lsb = uuid.getLeastSignificantBits();
        long msb = uuid.getMostSignificantBits();
        for (int i = 0; i < 8; i++) {
            tail[i] = (byte) (lsb >>> (8 * i));
        }
        tail[8] = (byte) msb;
        tail[9] = (byte) (msb >>> 8);
        return "K" + encode(msb >>> 16, tail).substring(1);
    }

    private static String encode(long time, byte[] random) {
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        long bits = 0;
        int bitCount = 0;
        int pos = 10;
        for (byte b : random) {
            bits = (bits << 8) | (b & 0xff);
            bitCount += 8;
            while (bitCount >= 5 && pos < 26) {
                out[pos++] = ALPHABET[(int) ((bits >>> (bitCount - 5)) & 31)];
                bitCount -= 5;
            }
        }
        return new String(out);
    }
}
