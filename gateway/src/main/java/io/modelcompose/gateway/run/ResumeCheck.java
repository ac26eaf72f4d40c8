package io.modelcompose.gateway.run;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunInterrupt;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;

/** Whether a resume may answer a run: it must be interrupted, at the job the resume names (upstream's messages). */
public final class ResumeCheck {
    private ResumeCheck() {
    }

    /** Why the resume is refused (CONFLICT: not interrupted; BAD_REQUEST: another job), or null when it may go. */
    public static ComposeException refusal(RunSnapshot run, String jobId) {
        RunInterrupt interrupt = run.interrupt();
        if (run.status() != RunStatus.INTERRUPTED || interrupt == null) {
            return new ComposeException(ErrorCode.CONFLICT, "Task '" + run.runId()
                    + "' is not in interrupted state (current: " + run.status().wireName() + ")");
        }
        if (!interrupt.jobId().equals(jobId)) {
            return new ComposeException(ErrorCode.BAD_REQUEST, "Job ID mismatch: expected '" + interrupt.jobId()
                    + "', got '" + jobId + "'");
        }
        return null;
    }
}
