package io.modelcompose.transport;

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

    void started(long offset) {
        pending.add(offset);
        highestSeen = Math.max(highestSeen, offset);
    }

    void finished(long offset) {
        pending.remove(offset);
    }

    /**
     * The next offset to commit (first unfinished, or one past the highest seen), if it moved since the last commit.
     * Offset 0 is never committed: it says nothing that no commit does not say (read from the beginning).
     */
    Optional<OffsetAndMetadata> committable() {
        long next = pending.isEmpty() ? highestSeen + 1 : pending.first();
        if (next <= 0 || next == lastCommitted) {
            return Optional.empty();
        }
        lastCommitted = next;
        return Optional.of(new OffsetAndMetadata(next));
    }
}
