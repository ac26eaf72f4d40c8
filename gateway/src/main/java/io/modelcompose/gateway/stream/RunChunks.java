package io.modelcompose.gateway.stream;

import io.modelcompose.shared.event.StreamEvents.JobChunk;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The streamed output of one run as this gateway knows it: per job the newest attempt and the next sequence expected,
 * the chunks of those attempts kept so far (within the limits), and the listeners attached. A run this gateway may not
 * have seen from its start is incomplete: its live chunks are not applied until the chunks written before are read
 * again (a replay, which also reads every chunk that came live before it began); live chunks that come during the
 * replay wait in {@link #pendingLive}, and attachers wait too; then both are applied in order and duplicates (a chunk
 * read twice) dropped. Every method holds the lock.
 */
final class RunChunks {
    private final ChunkLimits limits;
    private final AtomicLong totalBytes;
    private final Map<String, JobState> jobs = new HashMap<>();
    private final List<StoredChunk> kept = new ArrayList<>();
    private final List<Attached> listeners = new ArrayList<>();
    private final List<Waiting> waiting = new ArrayList<>();
    private List<JobChunk> pendingLive;
    private boolean complete;
    private boolean ended;
    private boolean sawChunk;
    private long bytes;
    private long lastActivityMillis;

    /** The newest attempt of one job and how far it got. */
    private static final class JobState {
        int attempt;
        long nextSequence;
        long keptCount;
        boolean truncated;
    }

    private record Attached(Predicate<String> jobFilter, ChunkListener listener) {
    }

    private record Waiting(Attached attached, Promise<Void> delivered) {
    }

    /**
     * @param complete whether every chunk of the run will reach this book live (it began to read before the run)
     * @param totalBytes the bytes kept by all runs of the book, shared
     */
    RunChunks(ChunkLimits limits, AtomicLong totalBytes, boolean complete, long nowMillis) {
        this.limits = limits;
        this.totalBytes = totalBytes;
        this.complete = complete;
        this.lastActivityMillis = nowMillis;
    }

    synchronized void offer(JobChunk chunk, Function<JobChunk, StoredChunk> encode, long nowMillis) {
        lastActivityMillis = nowMillis;
        if (!complete) {
            sawChunk = true;
            // before a replay begins, the replay will read this chunk too (it reads up to the end as it is then)
            if (pendingLive != null && pendingLive.size() < limits.maxChunksPerRun()) {
                pendingLive.add(chunk);
            }
            return;
        }
        apply(chunk, encode);
    }

    private void apply(JobChunk chunk, Function<JobChunk, StoredChunk> encode) {
        JobState job = jobs.computeIfAbsent(chunk.jobKey(), k -> new JobState());
        if (chunk.attempt() < job.attempt) {
            return; // a superseded attempt still writing
        }
        if (chunk.attempt() > job.attempt) {
            boolean retried = job.attempt > 0;
            forget(chunk.jobKey());
            job.attempt = chunk.attempt();
            job.nextSequence = 0;
            job.keptCount = 0;
            job.truncated = false;
            if (retried) {
                listeners.stream().filter(a -> a.jobFilter().test(chunk.jobKey()))
                        .forEach(a -> a.listener().retry(chunk.jobKey(), chunk.attempt()));
            }
        }
        if (chunk.sequence() < job.nextSequence) {
            return; // read twice
        }
        job.nextSequence = chunk.sequence() + 1;
        sawChunk = true;
        StoredChunk stored = encode.apply(chunk);
        keep(job, stored);
        for (Attached a : listeners) {
            if (a.jobFilter().test(stored.jobKey())) {
                a.listener().chunk(stored);
            }
        }
    }

    private void keep(JobState job, StoredChunk stored) {
        long weight = stored.weight();
        if (job.truncated || kept.size() >= limits.maxChunksPerRun() || bytes + weight > limits.maxBytesPerRun()
                || totalBytes.get() + weight > limits.maxBytesTotal()) {
            job.truncated = true;
            return;
        }
        kept.add(stored);
        job.keptCount++;
        bytes += weight;
        totalBytes.addAndGet(weight);
    }

    private void forget(String jobKey) {
        long released = 0;
        for (var it = kept.iterator(); it.hasNext(); ) {
            StoredChunk c = it.next();
            if (c.jobKey().equals(jobKey)) {
                released += c.weight();
                it.remove();
            }
        }
        bytes -= released;
        totalBytes.addAndGet(-released);
    }

    /**
     * Attaches a listener: it is given the chunks kept so far (and the jobs whose chunks were not all kept), then
     * every new one. The promise completes once the kept chunks are handed over (after the replay, if one is due).
     */
    synchronized void attach(Predicate<String> jobFilter, ChunkListener listener, Promise<Void> delivered) {
        Attached attached = new Attached(jobFilter, listener);
        if (pendingLive != null || !complete) {
            waiting.add(new Waiting(attached, delivered));
            return;
        }
        handOver(attached);
        listeners.add(attached);
        delivered.complete();
    }

    private void handOver(Attached attached) {
        for (StoredChunk c : kept) {
            if (attached.jobFilter().test(c.jobKey())) {
                attached.listener().chunk(c);
            }
        }
        jobs.forEach((key, job) -> {
            if (job.truncated && attached.jobFilter().test(key)) {
                attached.listener().truncated(key, job.keptCount);
            }
        });
    }

    /** Starts a replay unless one is going on or none is needed; true if the caller is to run it. */
    synchronized boolean beginReplay() {
        if (complete || pendingLive != null) {
            return false;
        }
        pendingLive = new ArrayList<>();
        return true;
    }

    /** Applies the replayed chunks, then those that came live meanwhile, and hands over to the waiting attachers. */
    synchronized void finishReplay(List<JobChunk> replayed, Function<JobChunk, StoredChunk> encode) {
        List<JobChunk> live = pendingLive == null ? List.of() : pendingLive;
        pendingLive = null;
        complete = true;
        replayed.forEach(c -> apply(c, encode));
        live.forEach(c -> apply(c, encode));
        for (Waiting w : waiting) {
            handOver(w.attached());
            listeners.add(w.attached());
            w.delivered().complete();
        }
        waiting.clear();
    }

    synchronized void detach(ChunkListener listener) {
        listeners.removeIf(a -> a.listener() == listener);
        waiting.removeIf(w -> w.attached().listener() == listener);
    }

    /** The run ended; answers whether the book may drop it now (nobody attached). */
    synchronized boolean end() {
        ended = true;
        return isUnused();
    }

    synchronized boolean isUnused() {
        return listeners.isEmpty() && waiting.isEmpty();
    }

    synchronized boolean isEnded() {
        return ended;
    }

    /** Chunks came and the run has not ended. */
    synchronized boolean isStreaming() {
        return sawChunk && !ended;
    }

    synchronized boolean isIdle(long nowMillis) {
        return isUnused() && nowMillis - lastActivityMillis >= limits.idleMillis();
    }

    /** Gives back what this run kept to the book's total. */
    synchronized void release() {
        totalBytes.addAndGet(-bytes);
        bytes = 0;
        kept.clear();
    }
}
