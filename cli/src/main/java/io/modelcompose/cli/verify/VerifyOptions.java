package io.modelcompose.cli.verify;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.nio.file.Path;

/**
 * The size and shape of one verify run.
 *
 * @param runs runs to submit
 * @param rate runs submitted per second
 * @param workers worker processes
 * @param workerKills, schedulerKills, gatewayKills SIGKILLs per role, spread over the submission window
 * @param longJobs runs whose limited job is long
 * @param longJobSeconds how long a long job sleeps
 * @param componentLimit the limited component's {@code max_concurrent_count}
 * @param controllerLimit the controller's {@code max_concurrent_count}
 * @param leaseMillis the job lease the roles run with
 * @param seed what the plan (durations, kill times, victims) is drawn from
 * @param kafka an existing cluster to attach to, or null for the embedded broker
 * @param dir the folder the verifier owns (config, ledger, role logs)
 * @param timeoutSeconds how long to wait for all runs to end after the last submission
 */
public record VerifyOptions(int runs, double rate, int workers, int workerKills, int schedulerKills,
        int gatewayKills, int longJobs, double longJobSeconds, int componentLimit, int controllerLimit,
        long leaseMillis, long seed, String kafka, Path dir, long timeoutSeconds) {

    /** Seconds a short job sleeps. */
    public static final double SHORT_JOB_SECONDS = 0.2;

    /** @throws ComposeException naming the first option out of range */
    public VerifyOptions {
        positive("--runs", runs);
        positive("--rate", rate);
        positive("--workers", workers);
        positive("--component-limit", componentLimit);
        positive("--controller-limit", controllerLimit);
        positive("--lease-ms", leaseMillis);
        positive("--timeout", timeoutSeconds);
        notNegative("--worker-kills", workerKills);
        notNegative("--scheduler-kills", schedulerKills);
        notNegative("--gateway-kills", gatewayKills);
        notNegative("--long-jobs", longJobs);
        positive("--long-job-seconds", longJobSeconds);
        if (longJobs > runs) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "--long-jobs (" + longJobs + ") exceeds --runs ("
                    + runs + ")");
        }
    }

    /** Seconds the submissions take. */
    public double windowSeconds() {
        return runs / rate;
    }

    private static void positive(String option, double value) {
        if (!(value > 0)) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, option + " must be positive, got " + value);
        }
    }

    private static void notNegative(String option, int value) {
        if (value < 0) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, option + " must not be negative, got " + value);
        }
    }
}
