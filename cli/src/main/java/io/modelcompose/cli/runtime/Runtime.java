package io.modelcompose.cli.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a project's service set runs: natively (broker child JVM and the roles in this or a detached JVM) or in a
 * Docker container. A command picks one implementation once and calls it; each call returns the exit code.
 */
public interface Runtime {
    /** Starts the service set in the foreground until stopped, or in the background with {@code -d}. */
    int up(UpRequest request) throws Exception;

    /** Stops what {@code up} started and waits for it; {@code timeout} empty means this runtime's default. */
    int down(Optional<Duration> timeout) throws Exception;

    /** Prints what runs, one aligned row each. */
    int ps() throws Exception;

    /** Prints the logs, and with {@code follow} new lines until the service set stops or the caller is interrupted. */
    int logs(LogsRequest request) throws Exception;
}
