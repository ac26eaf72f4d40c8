package io.modelcompose.transport;

/**
 * Where a record came from.
 *
 * @param topic topic
 * @param partition partition
 * @param offset offset
 */
public record RecordPosition(String topic, int partition, long offset) {
}
