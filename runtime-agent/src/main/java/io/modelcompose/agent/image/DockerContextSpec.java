package io.modelcompose.agent.image;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of the generated {@code .docker/} build context.
 *
 * @param projectDir the project folder; the context is written to {@code <projectDir>/.docker}
 * @param appJars the application jars, copied to {@code app/lib/}
 * @param brokerLibDir the embedded broker's jars, copied to {@code app/lib/kafka/}; null for none
 * @param configTree the merged config tree with {@code ${env.*}} references unresolved
 * @param webuiDir a web UI folder copied to {@code webui/}; null for none
 * @param port the controller port the image exposes
 * @param baseImage the default of the {@code BASE_IMAGE} build argument (a JRE 17 image)
 * @param command the image's CMD
 */
public record DockerContextSpec(
        Path projectDir,
        List<Path> appJars,
        Path brokerLibDir,
        Map<String, Object> configTree,
        Path webuiDir,
        int port,
        String baseImage,
        List<String> command) {

    /** The JRE base image used when none is given. */
    public static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:17-jre";
    /** The main class of the CLI inside the image. */
    public static final String CLI_MAIN = "io.modelcompose.cli.ComposeCli";
    /** {@code java -XX:MaxRAMPercentage=75 -cp /app/lib/* io.modelcompose.cli.ComposeCli up}. */
    public static final List<String> DEFAULT_COMMAND =
            List.of("java", "-XX:MaxRAMPercentage=75", "-cp", "/app/lib/*", CLI_MAIN, "up");

    public DockerContextSpec {
        appJars = List.copyOf(appJars);
        configTree = Collections.unmodifiableMap(new LinkedHashMap<>(configTree));
        command = List.copyOf(command);
    }

    /** A spec with the default base image and command. */
    public static DockerContextSpec of(Path projectDir, List<Path> appJars, Path brokerLibDir,
            Map<String, Object> configTree, Path webuiDir, int port) {
        return new DockerContextSpec(projectDir, appJars, brokerLibDir, configTree, webuiDir, port,
                DEFAULT_BASE_IMAGE, DEFAULT_COMMAND);
    }
}
