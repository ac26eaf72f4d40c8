package io.modelcompose.cli.broker;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the folder holding the broker jar and its dependencies; see {@link EmbeddedBrokerProcess#locateLibDir()}. */
final class BrokerLibLocator {
    static final String PROPERTY = "compose.broker.lib";
    static final String ENV = "COMPOSE_BROKER_LIB";

    private BrokerLibLocator() {
    }

    static Path locate() {
        return locate(System.getProperty(PROPERTY), System.getenv(ENV), codeLocation());
    }

    /**
     * @param property     value of {@value #PROPERTY}, or null
     * @param env          value of {@value #ENV}, or null
     * @param codeLocation the cli classes folder or jar, or null when unknown
     */
    static Path locate(String property, String env, Path codeLocation) {
        if (property != null && !property.isBlank()) {
            return requireLibDir(Path.of(property), "system property " + PROPERTY);
        }
        if (env != null && !env.isBlank()) {
            return requireLibDir(Path.of(env), "environment variable " + ENV);
        }
        List<Path> candidates = codeLocation == null ? List.of() : besideCode(codeLocation);
        for (Path candidate : candidates) {
            if (holdsJars(candidate)) {
                return candidate;
            }
        }
        throw new ComposeException(ErrorCode.UNAVAILABLE, "cannot find the Kafka broker libraries (looked in "
                + candidates + "); set -D" + PROPERTY + " or " + ENV + " to the folder holding the broker jars");
    }

    /**
     * The folder of the cli jar or classes folder (e.g. {@code cli/target}): in the dev tree
     * {@code <folder>/../../broker/target/lib}; in an installed app, {@code <app home>/lib/kafka} with the jar
     * either in the app home or in its {@code lib} folder.
     */
    private static List<Path> besideCode(Path codeLocation) {
        Path folder = codeLocation.toAbsolutePath().normalize().getParent();
        List<Path> candidates = new ArrayList<>();
        if (folder == null) {
            return candidates;
        }
        Path moduleDir = folder.getParent();
        if (moduleDir != null && moduleDir.getParent() != null) {
            candidates.add(moduleDir.getParent().resolve("broker").resolve("target").resolve("lib"));
        }
        candidates.add(folder.resolve("lib").resolve("kafka"));
        candidates.add(folder.resolve("kafka"));
        return candidates;
    }

    private static Path requireLibDir(Path dir, String source) {
        if (!holdsJars(dir)) {
            throw new ComposeException(ErrorCode.UNAVAILABLE,
                    "the Kafka broker library folder " + dir + " (from " + source + ") holds no jar files");
        }
        return dir.toAbsolutePath().normalize();
    }

    static boolean holdsJars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static Path codeLocation() {
        try {
            var source = BrokerLibLocator.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
