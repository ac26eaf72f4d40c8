package io.modelcompose.shared.transport;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The next offset a consumer loop hands to its handler in each of its partitions, whether the record came by fetch
 * or by {@link LocalDelivery}. Each record is handed over exactly once and in offset order: both ways claim an offset
 * and hand the record over under this object's lock.
 */
final class PartitionFeeds {
    private final Map<TopicPartition, Feed> feeds = new HashMap<>();

    /** One partition: the next offset to hand over, and its progress (touched only by the loop's thread). */
    private static final class Feed {
        private long next;
        private final PartitionProgress progress;

        Feed(long next, PartitionProgress progress) {
            this.next = next;
            this.progress = progress;
        }
    }

    /** The partition is now read from {@code position} on. */
    synchronized void assigned(TopicPartition partition, long position, PartitionProgress progress) {
        feeds.put(partition, new Feed(position, progress));
    }

    /** The partition is no longer read by this loop. */
    synchronized void revoked(TopicPartition partition) {
        feeds.remove(partition);
    }

    /** The loop stops: no partition takes local records any more (one being handed over finishes first). */
    synchronized void clear() {
        feeds.clear();
    }

    /**
     * A fetched record: runs {@code handOver} unless the record was already handed over locally; answers whether it
     * ran.
     */
    synchronized boolean fetched(TopicPartition partition, long offset, Runnable handOver) {
        Feed feed = feeds.get(partition);
        if (feed != null) {
            if (offset < feed.next) {
                return false;
            }
            feed.next = offset + 1;
        }
        handOver.run();
        return true;
    }

    /**
     * A record written by this JVM: runs {@code handOver} with the partition's progress if it is the next record of
     * an assigned partition and {@code admit} agrees; otherwise the record is left to the fetch.
     */
    synchronized boolean local(TopicPartition partition, long offset, BooleanSupplier admit,
            Consumer<PartitionProgress> handOver) {
        Feed feed = feeds.get(partition);
        if (feed == null || feed.next != offset || !admit.getAsBoolean()) {
            return false;
        }
        feed.next = offset + 1;
        handOver.accept(feed.progress);
        return true;
    }
}
