package io.modelcompose.transport;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The records {@link LocalDelivery} brings one consumer loop: queued by the producer's thread, taken by the loop's
 * own thread (so that the loop's handler is only ever called from there). A record queued while the loop waits in
 * its poll wakes it (once per poll). Past {@link #MAX_QUEUED} records waiting, a record is dropped: it simply comes
 * by fetch.
 */
final class LocalFeed implements LocalDelivery.Reader {
    static final int MAX_QUEUED = 100_000;

    /** A record this process wrote, as acknowledged by the broker. */
    record LocalRecord(String topic, int partition, long offset, String key, byte[] value) {
    }

    private final ConcurrentLinkedQueue<LocalRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean wakeUpSent = new AtomicBoolean();
    private final Runnable wakeUp;
    private volatile boolean polling;

    /** {@code wakeUp} ends the loop's current (or next) poll early. */
    LocalFeed(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    @Override
    public void offer(String topic, int partition, long offset, String key, byte[] value) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            return;
        }
        queue.add(new LocalRecord(topic, partition, offset, key, value));
        if (polling && !wakeUpSent.getAndSet(true)) {
            wakeUp.run();
        }
    }

    /**
     * On the loop's thread, before its poll: answers whether the poll may wait (nothing is queued). From here on a
     * record that comes wakes the poll, until {@link #pollEnded()}.
     */
    boolean beforePoll() {
        wakeUpSent.set(false);
        polling = true;
        if (queue.isEmpty()) {
            return true;
        }
        polling = false;
        return false;
    }

    /** On the loop's thread, once its poll returned. */
    void pollEnded() {
        polling = false;
    }

    /** On the loop's thread: hands the records queued by now to {@code sink}, oldest first. */
    void drain(Consumer<LocalRecord> sink) {
        LocalRecord r;
        for (int n = queued.get(); n > 0 && (r = queue.poll()) != null; n--) {
            queued.decrementAndGet();
            sink.accept(r);
        }
    }

    /** The loop stops: records queued now are dropped. */
    void clear() {
        drain(r -> { });
    }
}
