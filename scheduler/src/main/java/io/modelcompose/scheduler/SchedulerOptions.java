package io.modelcompose.scheduler;

import io.modelcompose.transport.KafkaSettings;

/**
 * Settings of a scheduler instance.
 *
 * @param kafka how to reach Kafka and the topic names
 * @param leaseMillis how long a dispatched attempt stays leased without a heartbeat before it is re-dispatched
 * @param heartbeatMillis how often the instance says it is alive
 */
public record SchedulerOptions(KafkaSettings kafka, long leaseMillis, long heartbeatMillis) {
    public static final long DEFAULT_LEASE_MILLIS = 10_000;
    public static final long DEFAULT_HEARTBEAT_MILLIS = 2_000;

    public static SchedulerOptions defaults(KafkaSettings kafka) {
        return new SchedulerOptions(kafka, DEFAULT_LEASE_MILLIS, DEFAULT_HEARTBEAT_MILLIS);
    }
}
