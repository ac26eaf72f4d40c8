package io.modelcompose.runtimeagent;

import io.modelcompose.transport.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of one runtime-agent.
 *
 * @param kafka the cluster and topic names
 * @param hostId the host this agent acts for: commands for other hosts are ignored
 * @param workDir where the agent keeps the folders of projects whose commands name no folder of this host
 * @param watchInterval how often the watched containers are inspected
 * @param commandTtl commands older than this are not carried out (a new agent must not replay an old topic)
 * @param generatedArgs build arguments of the generated context ({@code BASE_IMAGE})
 * @param generatedContext writes the generated context; null when this agent cannot build the default image
 */
public record AgentOptions(
        KafkaSettings kafka,
        String hostId,
        Path workDir,
        Duration watchInterval,
        Duration commandTtl,
        Map<String, String> generatedArgs,
        GeneratedContext generatedContext) {

    public static final Duration DEFAULT_WATCH_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_COMMAND_TTL = Duration.ofMinutes(10);

    public AgentOptions {
        generatedArgs = Map.copyOf(generatedArgs);
    }

    /** Default intervals, no generated context. */
    public static AgentOptions of(KafkaSettings kafka, String hostId, Path workDir) {
        return new AgentOptions(kafka, hostId, workDir, DEFAULT_WATCH_INTERVAL, DEFAULT_COMMAND_TTL, Map.of(), null);
    }

    public AgentOptions withWatchInterval(Duration interval) {
        return new AgentOptions(kafka, hostId, workDir, interval, commandTtl, generatedArgs, generatedContext);
    }

    public AgentOptions withGeneratedImage(Map<String, String> args, GeneratedContext context) {
        return new AgentOptions(kafka, hostId, workDir, watchInterval, commandTtl, args, context);
    }
}
