package io.modelcompose.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.modelcompose.shared.event.StreamEvents.JobChunk;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chunk book on its own: order, replay merged with live chunks, superseded attempts, bounds, forgetting. */
class ChunkBookTest {
    private final Map<String, RunSnapshot> runs = new HashMap<>();
    private final List<JobChunk> topic = new ArrayList<>();
    private Promise<List<JobChunk>> replayAnswer;
    private int replays;

    private final ChunkBook.RunLookup lookup = new ChunkBook.RunLookup() {
        @Override
        public long createdAtMillis(String runId) {
            RunSnapshot run = runs.get(runId);
            return run == null ? -1 : run.createdAtMillis();
        }

        @Override
        public boolean hasEnded(String runId) {
            RunSnapshot run = runs.get(runId);
            return run != null && run.status().isTerminal();
        }
    };

    /** Replays answer what the test's "topic" holds, when the test says so. */
    private Future<List<JobChunk>> replay(String runId, long since) {
        replays++;
        replayAnswer = Promise.promise();
        return replayAnswer.future();
    }

    private ChunkBook book(ChunkLimits limits, long readingSince) {
        return new ChunkBook(limits, this::replay, lookup, readingSince);
    }

    private RunSnapshot running(String runId, long createdAt) {
        RunSnapshot run = new RunSnapshot(runId, "w", RunStatus.PROCESSING, null, null, null, createdAt, 0);
        runs.put(runId, run);
        return run;
    }

    private static JobChunk chunk(String runId, String job, int attempt, long sequence, String value) {
        return new JobChunk(1, runId, "w", job, attempt, sequence, value, 0);
    }

    /** Records what it is told as short strings. */
    private static final class Recorder implements ChunkListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void chunk(StoredChunk chunk) {
            seen.add(chunk.jobKey() + "#" + chunk.attempt() + ":" + chunk.sequence() + "=" + chunk.json());
        }

        @Override
        public void retry(String jobKey, int attempt) {
            seen.add("retry " + jobKey + "#" + attempt);
        }

        @Override
        public void truncated(String jobKey, long keptChunks) {
            seen.add("truncated " + jobKey + " after " + keptChunks);
        }
    }

    @Test
    void attacherGetsChunksSoFarThenLiveOnesOfTheJobsItAskedFor() {
        ChunkBook book = book(ChunkLimits.defaults(), 0);
        RunSnapshot run = running("r", 1_000);
        book.accept(chunk("r", "answer", 1, 0, "a"));
        book.accept(chunk("r", "other", 1, 0, "x"));
        Recorder recorder = new Recorder();

        Future<AutoCloseable> attached = book.attach(run, "answer"::equals, recorder);
        book.accept(chunk("r", "answer", 1, 1, "b"));

        assertThat(attached.succeeded()).isTrue();
        assertThat(recorder.seen).containsExactly("answer#1:0=\"a\"", "answer#1:1=\"b\"");
        assertThat(replays).isZero();
    }

    @Test
    void runCreatedBeforeTheBookBeganToReadIsReplayedAndMergedWithLiveChunksWithoutDuplicates() {
        ChunkBook book = book(ChunkLimits.defaults(), 100_000);
        RunSnapshot run = running("r", 50_000);
        book.accept(chunk("r", "answer", 1, 2, "c")); // seen live, after the reader began
        Recorder recorder = new Recorder();

        Future<AutoCloseable> attached = book.attach(run, job -> true, recorder);
        book.accept(chunk("r", "answer", 1, 3, "d")); // live, during the replay
        assertThat(attached.isComplete()).isFalse();
        assertThat(recorder.seen).isEmpty();
        replayAnswer.complete(List.of(chunk("r", "answer", 1, 0, "a"), chunk("r", "answer", 1, 1, "b"),
                chunk("r", "answer", 1, 2, "c")));

        assertThat(attached.succeeded()).isTrue();
        assertThat(replays).isEqualTo(1);
        assertThat(recorder.seen).containsExactly("answer#1:0=\"a\"", "answer#1:1=\"b\"", "answer#1:2=\"c\"",
                "answer#1:3=\"d\"");
    }

    @Test
    void newerAttemptVoidsTheOlderOneAndLaterAttachersSeeOnlyTheNewest() {
        ChunkBook book = book(ChunkLimits.defaults(), 0);
        RunSnapshot run = running("r", 1_000);
        Recorder early = new Recorder();
        book.attach(run, job -> true, early);
        book.accept(chunk("r", "answer", 1, 0, "old"));
        book.accept(chunk("r", "answer", 2, 0, "new"));
        book.accept(chunk("r", "answer", 1, 1, "old-late"));
        Recorder late = new Recorder();

        book.attach(run, job -> true, late);

        assertThat(early.seen).containsExactly("answer#1:0=\"old\"", "retry answer#2", "answer#2:0=\"new\"");
        assertThat(late.seen).containsExactly("answer#2:0=\"new\"");
    }

    @Test
    void chunksPastTheBoundAreNotKeptButStillReachAttachedListeners() {
        ChunkBook book = book(new ChunkLimits(2, 1 << 20, 1 << 20, 60_000), 0);
        RunSnapshot run = running("r", 1_000);
        Recorder live = new Recorder();
        book.attach(run, job -> true, live);
        for (int i = 0; i < 4; i++) {
            book.accept(chunk("r", "answer", 1, i, "c" + i));
        }
        Recorder late = new Recorder();

        book.attach(run, job -> true, late);

        assertThat(live.seen).hasSize(4);
        assertThat(late.seen).containsExactly("answer#1:0=\"c0\"", "answer#1:1=\"c1\"", "truncated answer after 2");
    }

    @Test
    void endedRunIsDroppedOnceNobodyIsAttachedAndItsBytesAreGivenBack() {
        ChunkBook book = book(ChunkLimits.defaults(), 0);
        RunSnapshot run = running("r", 1_000);
        book.accept(chunk("r", "answer", 1, 0, "a"));
        AutoCloseable attachment = book.attach(run, job -> true, new Recorder()).result();
        assertThat(book.isStreaming("r")).isTrue();
        runs.put("r", run.finished(RunStatus.COMPLETED, "a", null, 2_000));

        book.runEnded("r");
        assertThat(book.runCount()).isEqualTo(1);
        assertThat(book.isStreaming("r")).isFalse();
        close(attachment);

        assertThat(book.runCount()).isZero();
        assertThat(book.keptBytes()).isZero();
        book.accept(chunk("r", "answer", 1, 1, "straggler"));
        assertThat(book.runCount()).isZero();
    }

    @Test
    void runsNobodyWatchesAreForgottenOnceIdle() {
        ChunkBook book = book(new ChunkLimits(10, 1 << 20, 1 << 20, 1_000), 0);
        running("r", 1_000);
        book.accept(chunk("r", "answer", 1, 0, "a"));

        book.evictIdle(System.currentTimeMillis() + 5_000);

        assertThat(book.runCount()).isZero();
        assertThat(book.keptBytes()).isZero();
    }

    @Test
    void totalBoundAcrossRunsStopsKeepingNewChunks() {
        ChunkBook book = book(new ChunkLimits(100, 1 << 20, 200, 60_000), 0);
        RunSnapshot first = running("r1", 1_000);
        RunSnapshot second = running("r2", 1_000);
        book.accept(chunk("r1", "answer", 1, 0, "x".repeat(100)));
        book.accept(chunk("r2", "answer", 1, 0, "y".repeat(100)));
        Recorder one = new Recorder();
        Recorder two = new Recorder();

        book.attach(first, job -> true, one);
        book.attach(second, job -> true, two);

        assertThat(one.seen).hasSize(1);
        assertThat(two.seen).containsExactly("truncated answer after 0");
        assertThat(book.keptBytes()).isLessThanOrEqualTo(200);
    }

    @Test
    void finishedRunThatIsNoLongerHeldIsReadAgain() {
        ChunkBook book = book(ChunkLimits.defaults(), 0);
        RunSnapshot done = running("r", 1_000).finished(RunStatus.COMPLETED, "ab", null, 2_000);
        runs.put("r", done);
        Recorder recorder = new Recorder();

        Future<AutoCloseable> attached = book.attach(done, job -> true, recorder);
        replayAnswer.complete(List.of(chunk("r", "answer", 1, 0, "a"), chunk("r", "answer", 1, 1, "b")));

        assertThat(attached.succeeded()).isTrue();
        assertThat(recorder.seen).containsExactly("answer#1:0=\"a\"", "answer#1:1=\"b\"");
        assertThat(book.runCount()).isZero();
    }

    private static void close(AutoCloseable attachment) {
        try {
            attachment.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
