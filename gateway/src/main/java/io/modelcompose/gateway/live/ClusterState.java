package io.modelcompose.gateway.live;

import java.util.List;

/**
 * The workers alive and what runs on them now.
 *
 * @param workers one entry per live worker, by instance id
 * @param components jobs running per component
 */
public record ClusterState(List<Worker> workers, List<ComponentLoad> components) {
    public ClusterState {
        workers = List.copyOf(workers);
        components = List.copyOf(components);
    }

    /**
     * A worker.
     *
     * @param instanceId its instance id
     * @param lastSeenMillis its last heartbeat (epoch ms)
     * @param runningJobs attempts it runs now
     */
    public record Worker(String instanceId, long lastSeenMillis, int runningJobs) {
    }

    /**
     * A component's load.
     *
     * @param componentRef the component
     * @param inFlight attempts queued or running for it now
     */
    public record ComponentLoad(String componentRef, int inFlight) {
    }
}
