package io.modelcompose.gateway.live;

import io.modelcompose.shared.event.AttemptId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The job attempts of the most recent runs, built from the job events as they go by (dispatch, worker heartbeat,
 * result, lease expiry), in whatever order they arrive. Holds at most {@code maxRuns} runs (the oldest go first).
 * Thread-safe: fed by consumer threads, read by event loops.
 */
public final class TimelineBook {
    private final int maxRuns;
    private final Map<String, Run> runs;

    private static final class Run {
        final String workflowId;
        final Map<AttemptId, JobAttempt> attempts = new LinkedHashMap<>();

        Run(String workflowId) {
            this.workflowId = workflowId;
        }
    }

    public TimelineBook(int maxRuns) {
        if (maxRuns < 1) {
            throw new IllegalArgumentException("maxRuns must be positive: " + maxRuns);
        }
        this.maxRuns = maxRuns;
        this.runs = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
                return size() > TimelineBook.this.maxRuns;
            }
        };
    }

    /** A job attempt was dispatched at {@code atMillis}. */
    public synchronized void dispatched(AttemptId id, String workflowId, String jobId, String componentRef,
            long atMillis) {
        Run run = runs.computeIfAbsent(id.runId(), r -> new Run(workflowId));
        run.attempts.merge(id, new JobAttempt(id.jobKey(), jobId, id.attempt(), componentRef, null, atMillis, 0, 0,
                        JobAttempt.QUEUED, null),
                (known, fresh) -> known); // a result that came first keeps its times
    }

    /** A worker says it runs the attempt (its heartbeat at {@code atMillis}). */
    public synchronized void heartbeat(AttemptId id, String workerId, long atMillis) {
        JobAttempt known = attempt(id);
        if (known != null) {
            put(id, known.running(workerId, atMillis));
        }
    }

    /** The attempt ended on {@code workerId}; {@code startedAtMillis} is when the worker began it (0 if unknown). */
    public synchronized void finished(AttemptId id, String workerId, boolean succeeded, String error,
            long startedAtMillis, long atMillis) {
        JobAttempt known = attempt(id);
        if (known == null) {
            long start = startedAtMillis > 0 ? startedAtMillis : atMillis;
            known = new JobAttempt(id.jobKey(), id.jobKey(), id.attempt(), null, workerId, start, start, 0,
                    JobAttempt.RUNNING, null);
            runs.computeIfAbsent(id.runId(), r -> new Run(null));
        }
        put(id, known.ended(workerId, startedAtMillis, atMillis,
                succeeded ? JobAttempt.COMPLETED : JobAttempt.FAILED, succeeded ? null : error));
    }

    /** The scheduler gave up on the attempt: its lease expired without a heartbeat. */
    public synchronized void leaseExpired(AttemptId id, long atMillis) {
        JobAttempt known = attempt(id);
        if (known != null && known.inFlight()) {
            put(id, known.ended(null, 0, atMillis, JobAttempt.LEASE_EXPIRED, "lease expired"));
        }
    }

    public synchronized Optional<RunTimeline> timeline(String runId) {
        Run run = runs.get(runId);
        return run == null ? Optional.empty()
                : Optional.of(new RunTimeline(runId, run.workflowId, List.copyOf(run.attempts.values())));
    }

    /** Attempts in flight per worker (only those a worker has said it runs). */
    public synchronized Map<String, Integer> runningByWorker() {
        Map<String, Integer> counts = new HashMap<>();
        forEachInFlight(a -> {
            if (a.workerId() != null) {
                counts.merge(a.workerId(), 1, Integer::sum);
            }
        });
        return counts;
    }

    /** Attempts queued or running per component, by component id. */
    public synchronized Map<String, Integer> inFlightByComponent() {
        Map<String, Integer> counts = new TreeMap<>();
        forEachInFlight(a -> {
            if (a.componentRef() != null) {
                counts.merge(a.componentRef(), 1, Integer::sum);
            }
        });
        return counts;
    }

    private void forEachInFlight(java.util.function.Consumer<JobAttempt> action) {
        for (Run run : runs.values()) {
            for (JobAttempt a : run.attempts.values()) {
                if (a.inFlight()) {
                    action.accept(a);
                }
            }
        }
    }

    private JobAttempt attempt(AttemptId id) {
        Run run = runs.get(id.runId());
        return run == null ? null : run.attempts.get(id);
    }

    private void put(AttemptId id, JobAttempt attempt) {
        Run run = runs.get(id.runId());
        if (run != null) {
            run.attempts.put(id, attempt);
        }
    }

    /** Lists a copy of the attempts, for tests. */
    synchronized List<JobAttempt> attempts(String runId) {
        Run run = runs.get(runId);
        return run == null ? List.of() : new ArrayList<>(run.attempts.values());
    }
}
