package io.modelcompose.runtimeagent.image;

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
    /** Set for the training start during the build: {@code up} then stops as soon as it is up (the CLI's NativeUp). */
    public static final String EXIT_WHEN_UP_ENV = "COMPOSE_EXIT_WHEN_UP";
    /** Folder of the class-data archives recorded while the default image is built. */
    public static final String CDS_DIR = "/app/cds";
    /** Class-data archive of the CLI's service set, recorded by a training start during the build. */
    public static final String CLI_ARCHIVE = CDS_DIR + "/compose.jsa";
    /** Class-data archive of the embedded broker's JVM, recorded by the same training start. */
    public static final String BROKER_ARCHIVE = CDS_DIR + "/broker.jsa";
    /**
     * {@code java <archive options> -XX:MaxRAMPercentage=75 -XX:-UseCodeCacheFlushing -cp /app/lib/* ...ComposeCli up}.
     * The archives make a container start ~3 s faster; a JVM that finds none (or one of another JVM) just loads
     * classes. Java 17's code sweeper would flush hot short methods again and again under load (see compose-cli).
     */
    public static final List<String> DEFAULT_COMMAND = List.of("java", "-XX:SharedArchiveFile=" + CLI_ARCHIVE,
            "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dcompose.broker.cds=" + BROKER_ARCHIVE,
            "-XX:MaxRAMPercentage=75", "-XX:-UseCodeCacheFlushing", "-cp", "/app/lib/*", CLI_MAIN, "up");

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
