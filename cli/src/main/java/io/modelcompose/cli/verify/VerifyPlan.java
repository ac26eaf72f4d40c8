package io.modelcompose.cli.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * What a verify run will do, drawn from its seed: how long each run's limited job sleeps and when which role is
 * killed (between 10 % and 90 % of the submission window, so there is load before and after every kill).
 *
 * @param jobSeconds per run, the seconds its limited job sleeps
 * @param kills the kills in time order
 */
public record VerifyPlan(List<Double> jobSeconds, List<Kill> kills) {

    /**
     * One planned kill.
     *
     * @param role gateway, scheduler or worker
     * @param afterMillis ms after the first submission
     */
    public record Kill(String role, long afterMillis) {
    }

    public static VerifyPlan of(VerifyOptions options) {
        SplittableRandom random = new SplittableRandom(options.seed());
        List<Double> seconds = new ArrayList<>(Collections.nCopies(options.runs(), VerifyOptions.SHORT_JOB_SECONDS));
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < options.runs(); i++) {
            indexes.add(i);
        }
        Collections.shuffle(indexes, new Random(random.nextLong()));
        indexes.subList(0, options.longJobs()).forEach(i -> seconds.set(i, options.longJobSeconds()));
        long window = (long) (options.windowSeconds() * 1000);
        List<Kill> kills = new ArrayList<>();
        add(kills, KillEvent.WORKER, options.workerKills(), window, random);
        add(kills, KillEvent.SCHEDULER, options.schedulerKills(), window, random);
        add(kills, KillEvent.GATEWAY, options.gatewayKills(), window, random);
        kills.sort(Comparator.comparingLong(Kill::afterMillis));
        return new VerifyPlan(List.copyOf(seconds), List.copyOf(kills));
    }

    private static void add(List<Kill> kills, String role, int count, long window, SplittableRandom random) {
        for (int i = 0; i < count; i++) {
            long slot = window * 8 / 10 / count;
            long at = window / 10 + i * slot + (slot > 0 ? random.nextLong(slot) : 0);
            kills.add(new Kill(role, at));
        }
    }
}
