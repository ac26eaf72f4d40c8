package io.modelcompose.cli.verify;

/**
 * One execution of a job attempt as the ledger saw it.
 *
 * @param runId the run
 * @param jobId the job
 * @param attempt the attempt number the scheduler gave it
 * @param startMillis when its start line was written (epoch ms)
 * @param endMillis when its end line was written, or -1 when none was (its worker died first)
 * @param workerPid the process id of the worker that ran it
 */
public record Execution(String runId, String jobId, int attempt, long startMillis, long endMillis, long workerPid) {
    public static final long NO_END = -1;

    public boolean finished() {
        return endMillis != NO_END;
    }

    /** The job this execution belongs to, as {@code run/job}. */
    public String jobKey() {
        return runId + "/" + jobId;
    }
}
