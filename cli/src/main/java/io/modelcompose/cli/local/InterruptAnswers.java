package io.modelcompose.cli.local;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.RunInterrupt;

/** Who answers a run's pause for a person in {@code compose-cli run}. */
@FunctionalInterface
public interface InterruptAnswers {

    /**
     * The answer to {@code point}: null goes on unchanged, anything else replaces the job's input (paused before) or
     * output (after). Called on a thread that may block (it may wait for a person at a terminal).
     *
     * @throws ComposeException when no one can answer; the run is cancelled and fails with that message
     */
    Object answer(RunInterrupt point);

    /** No one to ask: a pause stops the run with a message that says how to answer it. */
    static InterruptAnswers refuse() {
        return point -> {
            throw new ComposeException(ErrorCode.CANCELLED, "job '" + point.jobId()
                    + "' waits for a person (interrupt " + point.phase() + ")"
                    + (point.message() == null ? "" : ": " + point.message())
                    + "; run it on a terminal to answer, or pass --auto-resume to go on unchanged");
        };
    }

    /** Every pause goes on unchanged ({@code --auto-resume}). */
    static InterruptAnswers goOn() {
        return point -> null;
    }
}
