package io.modelcompose.gateway.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.modelcompose.shared.event.EventCodec;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.StreamEvents.JobChunk;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunks of the runs going on, as one gateway read them, for whoever attaches to a run: the chunks so far, then
 * live ones. Fed by the backend with every chunk it reads ({@link #accept}) and told when a run ends
 * ({@link #runEnded}); a run that ended is dropped once nobody is attached. A gateway that began to read after a run
 * started (or that no longer holds an ended run) reads the run's chunks again through its {@link ChunkReplay}, so any
 * gateway serves any run. Thread-safe.
 */
public final class ChunkBook {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkBook.class);
    /**
     * A run created less than this after the book began to read may have written chunks before (clocks of hosts
     * differ a little); its chunks are replayed on attach.
     */
    static final long START_MARGIN_MILLIS = 10_000;
    /** A replay reads from this long before the run was created (clocks again). */
    static final long REPLAY_SLACK_MILLIS = 60_000;

    private final ChunkLimits limits;
    private final ChunkReplay replay;
    private final RunLookup runs;
    private volatile ChunkBarrier barrier = ChunkBarrier.none();
    private final Map<String, RunChunks> active = new ConcurrentHashMap<>();
    private final AtomicLong totalBytes = new AtomicLong();
    private volatile long readingSinceMillis;

    /** What the backend knows of a run. */
    public interface RunLookup {
        /** When the run was created (epoch ms), or -1 when unknown. */
        long createdAtMillis(String runId);

        /** Whether the run is known to have ended. */
        boolean hasEnded(String runId);
    }

    /**
     * @param readingSinceMillis when the book began to read every chunk (0: it sees every chunk ever written;
     *     {@link Long#MAX_VALUE}: not yet, see {@link #readingSince})
     */
    public ChunkBook(ChunkLimits limits, ChunkReplay replay, RunLookup runs, long readingSinceMillis) {
        this.limits = limits;
        this.replay = replay;
        this.runs = runs;
        this.readingSinceMillis = readingSinceMillis;
    }

    /** A book of a backend that carries no chunks: attachers get nothing but the outcome. */
    public static ChunkBook empty() {
        return new ChunkBook(ChunkLimits.defaults(), ChunkReplay.none(), new RunLookup() {
            @Override
            public long createdAtMillis(String runId) {
                return -1;
            }

            @Override
            public boolean hasEnded(String runId) {
                return true;
            }
        }, 0);
    }

    /** How to know that every chunk of a run written so far was read (none by default). */
    public void barrier(ChunkBarrier chunkBarrier) {
        barrier = chunkBarrier;
    }

    /** Completes (on any thread) once every chunk of the run written so far has been read; never fails. */
    public Future<Void> caughtUp(String runId) {
        try {
            return barrier.caughtUp(runId).recover(e -> Future.succeededFuture());
        } catch (RuntimeException e) {
            return Future.succeededFuture();
        }
    }

    /** The reader is positioned: every chunk written from about now on reaches {@link #accept}. */
    public void readingSince(long millis) {
        readingSinceMillis = millis;
    }

    /** A chunk read from the set. */
    public void accept(JobChunk chunk) {
        long now = System.currentTimeMillis();
        RunChunks run = active.get(chunk.runId());
        if (run == null) {
            if (runs.hasEnded(chunk.runId())) {
                return; // a straggler of a run that is over
            }
            run = active.computeIfAbsent(chunk.runId(),
                    id -> new RunChunks(limits, totalBytes, seesAll(runs.createdAtMillis(id)), now));
        }
        run.offer(chunk, ChunkBook::encode, now);
    }

    /** The run reached a terminal status. */
    public void runEnded(String runId) {
        RunChunks run = active.get(runId);
        if (run != null && run.end()) {
            drop(runId, run);
        }
    }

    /** Whether chunks of the run are flowing (it has produced some and has not ended). */
    public boolean isStreaming(String runId) {
        RunChunks run = active.get(runId);
        return run != null && run.isStreaming();
    }

    /** Bytes of chunk JSON kept for all runs now. */
    public long keptBytes() {
        return totalBytes.get();
    }

    /** Runs held now. */
    public int runCount() {
        return active.size();
    }

    /** Forgets runs nobody watches whose chunks stopped coming long ago (their end may never have been seen). */
    public void evictIdle(long nowMillis) {
        active.forEach((id, run) -> {
            if (run.isIdle(nowMillis)) {
                drop(id, run);
            }
        });
    }

    /**
     * Attaches {@code listener} to the chunks of {@code run} whose job passes {@code jobFilter}: first those so far,
     * then every new one until it detaches. The future completes (on any thread) once the chunks so far are handed
     * over; its value detaches the listener.
     */
    public Future<AutoCloseable> attach(RunSnapshot run, Predicate<String> jobFilter, ChunkListener listener) {
        String runId = run.runId();
        RunChunks chunks = active.get(runId);
        if (chunks == null && run.status().isTerminal()) {
            return replayEnded(run, jobFilter, listener);
        }
        if (chunks == null) {
            chunks = active.computeIfAbsent(runId, id -> new RunChunks(limits, totalBytes,
                    seesAll(run.createdAtMillis()), System.currentTimeMillis()));
        }
        RunChunks held = chunks;
        Promise<Void> delivered = Promise.promise();
        held.attach(jobFilter, listener, delivered);
        if (held.beginReplay()) {
            replayInto(run, held);
        }
        return delivered.future().map(ok -> () -> detach(runId, held, listener));
    }

    private Future<AutoCloseable> replayEnded(RunSnapshot run, Predicate<String> jobFilter, ChunkListener listener) {
        RunChunks once = new RunChunks(limits, new AtomicLong(), false, System.currentTimeMillis());
        Promise<Void> delivered = Promise.promise();
        once.attach(jobFilter, listener, delivered);
        once.beginReplay();
        replayInto(run, once);
        return delivered.future().map(ok -> () -> once.detach(listener));
    }

    private void replayInto(RunSnapshot run, RunChunks target) {
        Future<List<JobChunk>> replayed;
        try {
            replayed = replay.replay(run.runId(), Math.max(0, run.createdAtMillis() - REPLAY_SLACK_MILLIS));
        } catch (RuntimeException e) {
            replayed = Future.failedFuture(e);
        }
        replayed.onComplete(result -> {
            if (result.failed()) {
                LOG.warn("chunks of run {} could not be read again: {}", run.runId(), result.cause().toString());
            }
            target.finishReplay(result.succeeded() ? result.result() : List.of(), ChunkBook::encode);
        });
    }

    private void detach(String runId, RunChunks run, ChunkListener listener) {
        run.detach(listener);
        if (run.isUnused() && (run.isEnded() || runs.hasEnded(runId))) {
            drop(runId, run);
        }
    }

    private void drop(String runId, RunChunks run) {
        if (active.remove(runId, run)) {
            run.release();
        }
    }

    private boolean seesAll(long createdAtMillis) {
        long since = readingSinceMillis;
        return since == 0 || (createdAtMillis > 0 && since != Long.MAX_VALUE
                && createdAtMillis >= since + START_MARGIN_MILLIS);
    }

    private static StoredChunk encode(JobChunk chunk) {
        String json;
        try {
            json = EventCodec.mapper().writeValueAsString(chunk.chunk());
        } catch (JsonProcessingException e) {
            json = "null"; // a chunk decoded from JSON is JSON again
        }
        return new StoredChunk(chunk.jobKey(), chunk.attempt(), chunk.sequence(), json, chunk.emittedAtMillis());
    }
}
