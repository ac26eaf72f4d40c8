package io.modelcompose.transport;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The next offset a consumer loop hands to its handler in each of its partitions, whether the record came by fetch
 * or by {@link LocalDelivery}. Each record is handed over exactly once and in offset order: both ways claim an offset
 * and hand the record over under this object's lock. A local record that comes while the loop is at its limit of
 * records in flight is held here (up to {@link #MAX_HELD}) and handed over, in order, once there is room: it need not
 * wait for a fetch, which may be slow to come when every writer is in this process ({@link KafkaClients.Options#soleWriterClusters()}).
 */
final class PartitionFeeds {
    static final int MAX_HELD = 4_096;
    private final Map<TopicPartition, Feed> feeds = new HashMap<>();
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private volatile int heldCount;
    private final Runnable firstHeld;

    /** {@code firstHeld} runs (under the lock, so it must not block) when a local record is held and none was. */
    PartitionFeeds(Runnable firstHeld) {
        this.firstHeld = firstHeld;
    }

    /** A local record waiting for room, claimed in its partition (the fetch skips it). */
    private record Held(TopicPartition partition, Consumer<PartitionProgress> handOver) {
    }

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
        held.removeIf(h -> h.partition.equals(partition)); // not started: the partition's next reader reads them
        heldCount = held.size();
    }

    /** The loop stops: no partition takes local records any more (one being handed over finishes first). */
    synchronized void clear() {
        feeds.clear();
        held.clear();
        heldCount = 0;
    }

    /**
     * A fetched record: runs {@code handOver} unless the record was already handed over locally (or held behind local
     * records waiting for room, so that none is passed); answers whether it ran or was held.
     */
    synchronized boolean fetched(TopicPartition partition, long offset, Runnable handOver) {
        Feed feed = feeds.get(partition);
        if (feed != null) {
            if (offset < feed.next) {
                return false;
            }
            feed.next = offset + 1;
            if (!held.isEmpty()) {
                held.add(new Held(partition, progress -> handOver.run()));
                heldCount = held.size();
                return true;
            }
        }
        handOver.run();
        return true;
    }

    /**
     * A record written by this process: runs {@code handOver} with the partition's progress if it is the next record of
     * an assigned partition and {@code admit} agrees, or holds it for {@link #release} if there is no room now (and
     * records are held already, so that order is kept); answers false if the record is left to the fetch.
     */
    synchronized boolean local(TopicPartition partition, long offset, BooleanSupplier admit,
            Consumer<PartitionProgress> handOver) {
        Feed feed = feeds.get(partition);
        if (feed == null || feed.next != offset) {
            return false;
        }
        if (held.isEmpty() && admit.getAsBoolean()) {
            feed.next = offset + 1;
            handOver.accept(feed.progress);
            return true;
        }
        if (held.size() >= MAX_HELD) {
            return false;
        }
        feed.next = offset + 1;
        held.add(new Held(partition, handOver));
        heldCount = held.size();
        if (heldCount == 1) {
            firstHeld.run();
        }
        return true;
    }

    /** Hands held records over, oldest first, while {@code admit} agrees. */
    synchronized void release(BooleanSupplier admit) {
        while (!held.isEmpty() && admit.getAsBoolean()) {
            Held next = held.poll();
            Feed feed = feeds.get(next.partition);
            if (feed != null) {
                next.handOver.accept(feed.progress);
            }
        }
        heldCount = held.size();
    }

    /** Whether local records wait for room (read without the lock). */
    boolean holding() {
        return heldCount > 0;
    }
}
