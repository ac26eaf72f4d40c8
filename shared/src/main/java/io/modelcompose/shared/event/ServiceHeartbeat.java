package io.modelcompose.shared.event;

/**
 * A role instance says it is alive (readiness: scheduler alive, workers present).
 *
 * @param schemaVersion 1
 * @param role gateway, scheduler, worker or runtime-agent
 * @param instanceId unique per process
 * @param active for schedulers: this instance is the active one
 * @param atMillis epoch ms
 */
public record ServiceHeartbeat(int schemaVersion, String role, String instanceId, boolean active, long atMillis)
        implements ComposeEvent {
    public ServiceHeartbeat(String role, String instanceId, boolean active, long atMillis) {
        this(CURRENT_SCHEMA_VERSION, role, instanceId, active, atMillis);
    }

    @Override
    public String key() {
        return instanceId;
    }
}
