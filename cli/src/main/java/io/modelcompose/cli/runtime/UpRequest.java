package io.modelcompose.cli.runtime;

import java.util.List;

/**
 * The options of {@code up}.
 *
 * @param detach run in the background ({@code -d})
 * @param kafka a cluster to use instead of the embedded broker, or null
 * @param leaseMillis how long a job is leased without heartbeat (native)
 * @param argsWithoutDetach this process's arguments without {@code -d}: a detached native up starts itself with them
 * @param logSetup configures logging for a service set that runs in this process
 */
public record UpRequest(boolean detach, String kafka, long leaseMillis, List<String> argsWithoutDetach,
        Runnable logSetup) {
    public UpRequest {
        argsWithoutDetach = List.copyOf(argsWithoutDetach);
    }
}
