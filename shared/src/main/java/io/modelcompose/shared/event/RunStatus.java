package io.modelcompose.shared.event;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Status of a run (a "task" in the HTTP API). */
public enum RunStatus {
    PENDING,
    PROCESSING,
    /** Waiting for a person to answer a job's interrupt ({@link RunSnapshot#interrupt()}). */
    INTERRUPTED,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** True for completed, failed and cancelled. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** True for the statuses a caller waiting for the run stops at: the terminal ones and interrupted (as upstream). */
    public boolean endsWait() {
        return isTerminal() || this == INTERRUPTED;
    }

    /** The lower-case name used in JSON and the API. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire name. */
    public static RunStatus fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
