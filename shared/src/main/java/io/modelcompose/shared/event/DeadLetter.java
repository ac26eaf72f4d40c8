package io.modelcompose.shared.event;

/**
 * A record that could not be processed, with the reason; written to the dead-letter topic.
 *
 * @param schemaVersion 1
 * @param topic where it came from
 * @param partition its partition
 * @param offset its offset
 * @param key its key (may be null)
 * @param value its value as text (truncated to 64 KiB)
 * @param reason why it was rejected
 * @param consumer the consumer group that rejected it
 */
public record DeadLetter(int schemaVersion, String topic, int partition, long offset, String key, String value,
        String reason, String consumer) implements ComposeEvent {
    @Override
    public String key() {
        return key == null ? topic + "-" + partition + "-" + offset : key;
    }
}
