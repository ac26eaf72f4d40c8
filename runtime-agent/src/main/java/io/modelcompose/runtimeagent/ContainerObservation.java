package io.modelcompose.runtimeagent;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import io.modelcompose.shared.event.AgentEvents.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one inspection of a container showed, and which events the step from an earlier observation makes.
 *
 * @param running the process runs (also while the engine restarts it)
 * @param restarting the engine is restarting it by its restart policy
 * @param status the engine's status word (created, running, exited, dead ...)
 * @param health the health status (starting, healthy, unhealthy), or null without a health check
 * @param healthOutput the last health check's output, or null
 * @param restartCount restarts the engine made by the restart policy
 * @param exitCode the last exit code, or null
 * @param startedAt when the process last started, as the engine wrote it
 */
record ContainerObservation(boolean running, boolean restarting, String status, String health, String healthOutput,
        int restartCount, Long exitCode, String startedAt) {

    /** An event the step between two observations makes. */
    record Change(Kind kind, String detail) {
    }

    /** What the agent assumes right after it started a container (a health check, if any, is still starting). */
    static ContainerObservation justStarted() {
        return new ContainerObservation(true, false, "running", "starting", null, 0, null, null);
    }

    static ContainerObservation of(InspectContainerResponse response) {
        ContainerState state = response.getState();
        HealthState health = state.getHealth();
        Integer restarts = response.getRestartCount();
        return new ContainerObservation(Boolean.TRUE.equals(state.getRunning()),
                Boolean.TRUE.equals(state.getRestarting()), state.getStatus(),
                health == null ? null : health.getStatus(), health == null ? null : lastOutput(health),
                restarts == null ? 0 : restarts, state.getExitCodeLong(), state.getStartedAt());
    }

    /** The events between {@code earlier} and this observation, in the order they happened. */
    List<Change> changesSince(ContainerObservation earlier) {
        List<Change> changes = new ArrayList<>();
        boolean upNow = running && !restarting;
        boolean upBefore = earlier.running && !earlier.restarting;
        if (restartCount > earlier.restartCount) {
            changes.add(new Change(Kind.RESTARTED, "restart " + restartCount));
        } else if (upNow && (!upBefore || startedAgain(earlier))) {
            changes.add(new Change(Kind.STARTED, null));
        }
        if (upBefore && !running) {
            changes.add(new Change(Kind.EXITED, exitDetail()));
        }
        if (!Objects.equals(health, earlier.health)) {
            if ("healthy".equals(health)) {
                changes.add(new Change(Kind.HEALTHY, null));
            } else if ("unhealthy".equals(health)) {
                changes.add(new Change(Kind.UNHEALTHY, healthOutput));
            }
        }
        return changes;
    }

    /** One line for the FOUND event. */
    String describe() {
        String text = status == null ? "unknown" : status;
        if (health != null) {
            text += " (" + health + ")";
        }
        if (!running && exitCode != null) {
            text += ", exit code " + exitCode;
        }
        return text;
    }

    private boolean startedAgain(ContainerObservation earlier) {
        return earlier.startedAt != null && startedAt != null && !earlier.startedAt.equals(startedAt);
    }

    private String exitDetail() {
        return exitCode == null ? "exited" : "exit code " + exitCode;
    }

    private static String lastOutput(HealthState health) {
        List<HealthStateLog> log = health.getLog();
        if (log == null || log.isEmpty() || log.get(log.size() - 1).getOutput() == null) {
            return null;
        }
        return log.get(log.size() - 1).getOutput().strip();
    }
}
