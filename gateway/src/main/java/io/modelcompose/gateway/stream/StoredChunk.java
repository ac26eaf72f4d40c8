package io.modelcompose.gateway.stream;

/**
 * One chunk as the gateway keeps and sends it: its value already written as JSON, once, for every listener.
 *
 * @param jobKey the job that produced it
 * @param attempt the attempt that produced it
 * @param sequence its 0-based position in that attempt
 * @param json the chunk value as JSON text
 * @param emittedAtMillis when the worker produced it (epoch ms)
 */
public record StoredChunk(String jobKey, int attempt, long sequence, String json, long emittedAtMillis) {
    private static final int OVERHEAD_BYTES = 64;

    /** What keeping it costs, roughly (the JSON text plus the record). */
    long weight() {
        return json.length() + (long) jobKey.length() + OVERHEAD_BYTES;
    }
}
