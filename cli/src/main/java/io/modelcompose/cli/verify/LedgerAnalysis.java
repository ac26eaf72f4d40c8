package io.modelcompose.cli.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the ledger says, told apart from what the scheduler claims: executions beyond the first per job and whether a
 * lease expiry justifies each, the peak concurrency under a limit, and how soon jobs started after a scheduler kill.
 * An execution without an end line held its slot until its worker was killed, else until {@code endOfTestMillis}.
 */
public final class LedgerAnalysis {
    private final List<Execution> executions;
    private final List<KillEvent> kills;
    private final long endOfTestMillis;

    public LedgerAnalysis(List<Execution> executions, List<KillEvent> kills, long endOfTestMillis) {
        this.executions = executions.stream().sorted(Comparator.comparingLong(Execution::startMillis)).toList();
        this.kills = List.copyOf(kills);
        this.endOfTestMillis = endOfTestMillis;
    }

    /** Every execution of a job after its first, in start order. */
    public List<Duplicate> duplicates() {
        Map<String, List<Execution>> byJob = new LinkedHashMap<>();
        executions.forEach(e -> byJob.computeIfAbsent(e.jobKey(), k -> new ArrayList<>()).add(e));
        List<Duplicate> duplicates = new ArrayList<>();
        byJob.values().forEach(list -> {
            for (int i = 1; i < list.size(); i++) {
                duplicates.add(judge(list.subList(0, i), list.get(i)));
            }
        });
        return duplicates;
    }

    private Duplicate judge(List<Execution> earlier, Execution later) {
        for (Execution before : earlier) {
            if (before.attempt() >= later.attempt()) {
                return unjustified(later, "attempt " + later.attempt() + " ran again (an earlier execution had"
                        + " attempt " + before.attempt() + ")");
            }
            OptionalLong death = deathOf(before);
            if (death.isEmpty()) {
                return unjustified(later, "attempt " + before.attempt() + "'s worker " + before.workerPid()
                        + " was never killed");
            }
            if (death.getAsLong() > later.startMillis()) {
                return unjustified(later, "started while attempt " + before.attempt() + "'s worker "
                        + before.workerPid() + " was alive");
            }
        }
        Execution last = earlier.get(earlier.size() - 1);
        return new Duplicate(later.jobKey(), later.attempt(), later.startMillis(), true, "worker " + last.workerPid()
                + " of attempt " + last.attempt() + " killed " + (later.startMillis() - deathOf(last).getAsLong())
                + " ms before");
    }

    private static Duplicate unjustified(Execution later, String reason) {
        return new Duplicate(later.jobKey(), later.attempt(), later.startMillis(), false, reason);
    }

    /** When the worker of this execution was killed while (or after) it ran. */
    private OptionalLong deathOf(Execution e) {
        return kills.stream().filter(k -> KillEvent.WORKER.equals(k.role()) && k.pid() == e.workerPid()
                && k.atMillis() >= e.startMillis()).mapToLong(KillEvent::atMillis).min();
    }

    /** Peak executions at once of the jobs with these ids. */
    public LimitCheck jobPeak(String name, int limit, List<String> jobIds) {
        List<long[]> spans = executions.stream().filter(e -> jobIds.contains(e.jobId()))
                .map(e -> new long[] {e.startMillis(), endOf(e)}).toList();
        return new LimitCheck(name, limit, maxOverlap(spans));
    }

    /** Peak runs at once, a run lasting from its first start to its last end (a lower bound of its slot). */
    public LimitCheck runPeak(String name, int limit) {
        Map<String, long[]> runs = new LinkedHashMap<>();
        executions.forEach(e -> runs.merge(e.runId(), new long[] {e.startMillis(), endOf(e)},
                (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])}));
        return new LimitCheck(name, limit, maxOverlap(List.copyOf(runs.values())));
    }

    private long endOf(Execution e) {
        return e.finished() ? e.endMillis() : deathOf(e).orElse(endOfTestMillis);
    }

    /** Per scheduler kill: ms from the kill to the first execution started after it, or -1 when none did. */
    public List<Long> recoveries() {
        return kills.stream().filter(k -> KillEvent.SCHEDULER.equals(k.role())).map(k -> executions.stream()
                .mapToLong(Execution::startMillis).filter(s -> s >= k.atMillis()).min()
                .stream().map(s -> s - k.atMillis()).findFirst().orElse(-1L)).toList();
    }

    /** The largest number of intervals open at one instant; one ending when another starts does not count. */
    static int maxOverlap(List<long[]> spans) {
        List<long[]> edges = new ArrayList<>();
        for (long[] span : spans) {
            edges.add(new long[] {span[0], 1});
            edges.add(new long[] {span[1], -1});
        }
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int open = 0;
        int max = 0;
        for (long[] edge : edges) {
            open += (int) edge[1];
            max = Math.max(max, open);
        }
        return max;
    }
}
