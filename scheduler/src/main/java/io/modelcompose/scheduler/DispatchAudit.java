package io.modelcompose.scheduler;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.event.AttemptId;
import io.modelcompose.shared.event.ComposeEvent;
import io.modelcompose.shared.event.EventCodec;
import io.modelcompose.shared.event.JobEvents.JobDispatched;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which of some granted attempts really went out to the workers. A scheduler killed between writing an attempt's grant
 * and sending its dispatch leaves a grant for an attempt no worker will ever run; its successor looks for the
 * dispatches on the jobs topic, from the workers' committed offset (everything before it is finished, and its result
 * is on the runs topic) to the end. Used on a thread that may block.
 */
final class DispatchAudit {
    /** At most this many records are read; beyond it every attempt not found yet counts as sent (kept, not resent). */
    static final int MAX_RECORDS = 1_000_000;

    private DispatchAudit() {
    }

    /**
     * The attempts of {@code granted} found on {@code jobsTopic}, plus, when the audit could not finish (too many
     * records, or {@code budget} spent), all not found yet: an attempt is only ever declared unsent when it is sure.
     *
     * @param consumer a consumer of the workers' group that is assigned nothing yet and never commits
     */
    static Set<AttemptId> sent(Consumer<String, byte[]> consumer, String jobsTopic, Set<AttemptId> granted,
            Duration budget) {
        int partitionCount = consumer.partitionsFor(jobsTopic, budget).size();
        Set<TopicPartition> partitions = new HashSet<>();
        granted.forEach(a -> partitions.add(new TopicPartition(jobsTopic,
                ReplayMarkers.partitionOf(a.runId(), partitionCount))));
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions, budget);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, budget));
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata from = committed.get(tp);
            if (from == null) {
                consumer.seekToBeginning(Set.of(tp));
            } else {
                consumer.seek(tp, from.offset());
            }
        }
        Set<AttemptId> found = new HashSet<>();
        long deadline = System.nanoTime() + budget.toNanos();
        int read = 0;
        while (!ends.isEmpty() && found.size() < granted.size() && read < MAX_RECORDS
                && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                read++;
                AttemptId dispatched = dispatched(r.value());
                if (dispatched != null && granted.contains(dispatched)) {
                    found.add(dispatched);
                }
            }
            ends.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        }
        if (!ends.isEmpty() && found.size() < granted.size()) {
            return Set.copyOf(granted); // not sure: keep them all
        }
        return found;
    }

    private static AttemptId dispatched(byte[] value) {
        try {
            ComposeEvent event = EventCodec.decode(value);
            return event instanceof JobDispatched d ? d.attemptId() : null;
        } catch (ComposeException e) {
            return null; // a poison record: the workers dead-letter it
        }
    }
}
