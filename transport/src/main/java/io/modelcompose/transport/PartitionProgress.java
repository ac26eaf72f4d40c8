package io.modelcompose.transport;

import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * Tracks which offsets of one partition are being handled, so the committed offset never passes a record whose
 * handling has not completed. Used only by the consumer loop's thread.
 */
final class PartitionProgress {
    private final TreeSet<Long> pending = new TreeSet<>();
    private long highestSeen = -1;
    private long lastCommitted = -1;
    private String lastMetadata;

    void started(long offset) {
        pending.add(offset);
        highestSeen = Math.max(highestSeen, offset);
    }

    void finished(long offset) {
        pending.remove(offset);
    }

    /**
     * The next offset to commit (first unfinished, or one past the highest seen) with {@code metadata}, if either
     * changed since the last commit.
     */
    Optional<OffsetAndMetadata> committable(String metadata) {
        long next = pending.isEmpty() ? highestSeen + 1 : pending.first();
        if (next <= 0 || next == lastCommitted && Objects.equals(metadata, lastMetadata)) {
            return Optional.empty();
        }
        lastCommitted = next;
        lastMetadata = metadata;
        return Optional.of(metadata == null ? new OffsetAndMetadata(next) : new OffsetAndMetadata(next, metadata));
    }
}
