package io.modelcompose.scheduler.engine;

import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one log line each finished run gets, with its run id: error for a failed run, info otherwise (SPEC §9). */
public final class RunOutcomeLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.modelcompose.scheduler.runs");

    private RunOutcomeLog() {
    }

    /** Logs how the run ended; a failed run at error with its reason. */
    public static void finished(RunSnapshot snapshot) {
        if (snapshot.status() == RunStatus.FAILED) {
            LOG.error("[run {}] workflow {} failed: {}", snapshot.runId(), snapshot.workflowId(), snapshot.error());
        } else if (snapshot.error() != null) {
            LOG.info("[run {}] workflow {} {}: {}", snapshot.runId(), snapshot.workflowId(),
                    snapshot.status().wireName(), snapshot.error());
        } else {
            LOG.debug("[run {}] workflow {} {}", snapshot.runId(), snapshot.workflowId(), snapshot.status().wireName());
        }
    }
}
