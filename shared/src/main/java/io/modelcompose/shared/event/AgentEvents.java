package io.modelcompose.shared.event;

import java.util.Map;
import java.util.UUID;

/**
 * Records between the runtime-agents and whoever drives them: commands on the agent-commands topic, image and
 * container events on the agent-events topic. Both are keyed by the host id, so one host's records stay in order.
 */
public final class AgentEvents {
    private AgentEvents() {
    }

    /** What an {@link AgentCommand} asks for. */
    public enum Action { DEPLOY, STOP, REMOVE, LOGS }

    /** What an {@link AgentEvent} reports. */
    public enum Kind {
        /** The image was built (detail: the image reference). */
        IMAGE_BUILT,
        /** The image was pulled (detail: the image reference). */
        IMAGE_PULLED,
        /** The container was created (detail: its name). */
        CONTAINER_CREATED,
        /** The container started. */
        STARTED,
        /** Its health check passed. */
        HEALTHY,
        /** Its health check failed (detail: the last check's output). */
        UNHEALTHY,
        /** It stopped (detail: the exit code). */
        EXITED,
        /** The engine restarted it by its restart policy (detail: the restart count). */
        RESTARTED,
        /** It was removed. */
        REMOVED,
        /** An agent found it by its labels at start and watches it again (detail: its state). */
        FOUND,
        /** The answer to a LOGS command (detail: the last lines). */
        LOGS,
        /** A command could not be carried out (detail: why); nothing was left behind by a failed deploy check. */
        COMMAND_FAILED
    }

    /**
     * Asks the runtime-agent of one host to act on one service of a project. Agents ignore commands for other hosts
     * and commands older than their time-to-live (so that a new agent does not replay an old topic).
     *
     * @param schemaVersion 1
     * @param commandId unique id, echoed in the events the command causes
     * @param hostId the agent that must act (Kafka key)
     * @param action what to do
     * @param project the project (label {@code compose.project})
     * @param service the service (label {@code compose.service}), {@code controller} for the controller
     * @param containerId STOP/REMOVE/LOGS: the container; null = the project's container of {@code service}
     * @param runtime DEPLOY: the {@code runtime:} section as written ({@code type: docker} and the options, with
     *     {@code ${env.*}} references unresolved)
     * @param environment DEPLOY: values of the {@code ${env.*}} references; used to resolve {@code runtime} and given
     *     to the container as environment (these may be secrets: protect the topic accordingly)
     * @param config DEPLOY: the project's merged config tree, needed only when the generated image is built
     * @param projectDir DEPLOY: the folder on the agent's host that relative paths are resolved against; null = the
     *     agent's own folder for the project
     * @param tailLines LOGS: how many of the last lines to return; null = 100
     * @param stopTimeoutSeconds STOP/REMOVE: seconds between SIGTERM and SIGKILL; null = 10
     * @param atMillis when the command was sent, epoch ms
     */
    public record AgentCommand(int schemaVersion, String commandId, String hostId, Action action, String project,
            String service, String containerId, Map<String, Object> runtime, Map<String, String> environment,
            Map<String, Object> config, String projectDir, Integer tailLines, Integer stopTimeoutSeconds,
            long atMillis) implements ComposeEvent {

        /** A DEPLOY command, sent now. */
        public static AgentCommand deploy(String hostId, String project, String service, Map<String, Object> runtime,
                Map<String, String> environment, Map<String, Object> config, String projectDir) {
            return new AgentCommand(CURRENT_SCHEMA_VERSION, newId(), hostId, Action.DEPLOY, project, service, null,
                    runtime, environment, config, projectDir, null, null, System.currentTimeMillis());
        }

        /** A STOP, REMOVE or LOGS command for a container (null = the service's container), sent now. */
        public static AgentCommand control(String hostId, Action action, String project, String service,
                String containerId) {
            return new AgentCommand(CURRENT_SCHEMA_VERSION, newId(), hostId, action, project, service, containerId,
                    null, null, null, null, null, null, System.currentTimeMillis());
        }

        private static String newId() {
            return UUID.randomUUID().toString();
        }

        @Override
        public String key() {
            return hostId;
        }

        @Override
        public String toString() {
            return "AgentCommand[" + action + " " + project + "/" + service + " on " + hostId + ", id " + commandId
                    + (environment == null ? "" : ", env " + environment.keySet()) + "]";
        }
    }

    /**
     * Something happened to an image or container of an agent.
     *
     * @param schemaVersion 1
     * @param hostId the agent's host (Kafka key)
     * @param kind what happened
     * @param project the project
     * @param service the service
     * @param containerId the container, or null (image events, failed commands)
     * @param detail a short text (image reference, exit code, health output, log lines, error)
     * @param commandId the command that caused it, or null for what the agent observed by itself
     * @param atMillis epoch ms
     */
    public record AgentEvent(int schemaVersion, String hostId, Kind kind, String project, String service,
            String containerId, String detail, String commandId, long atMillis) implements ComposeEvent {

        /** An event of now. */
        public static AgentEvent of(String hostId, Kind kind, String project, String service, String containerId,
                String detail, String commandId) {
            return new AgentEvent(CURRENT_SCHEMA_VERSION, hostId, kind, project, service, containerId, detail,
                    commandId, System.currentTimeMillis());
        }

        @Override
        public String key() {
            return hostId;
        }
    }
}
