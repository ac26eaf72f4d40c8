package io.modelcompose.testkit.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the Kafka broker's jars for the {@code compose/kafka} image: the folder named by system property
 * {@code compose.kafka.libs}, else {@code broker/target/lib} of this repository, else they are copied with
 * {@code mvn dependency:copy-dependencies} from the broker module (from the local repository when possible).
 */
final class KafkaJars {
    static final String LIBS_PROPERTY = "compose.kafka.libs";
    private static final long MVN_TIMEOUT_SECONDS = 600;

    private KafkaJars() {
    }

    /** Copies the broker jars (and an slf4j binding) into {@code into}. */
    static void copyInto(Path into) throws IOException {
        Files.createDirectories(into);
        Optional<Path> ready = readyFolder();
        if (ready.isPresent()) {
            copyJars(ready.get(), into);
        } else {
            Path root = repositoryRoot();
            mvn(root, List.of("-f", root.resolve("broker/pom.xml").toString(), "dependency:copy-dependencies",
                    "-DincludeScope=runtime", "-DoutputDirectory=" + into));
        }
        if (!has(into, "kafka_2.13-")) {
            throw new IllegalStateException("no kafka_2.13 jar among the broker's jars in " + into);
        }
        if (!has(into, "logback-classic-") && !has(into, "slf4j-simple-")) {
            mvn(repositoryRoot(), List.of("dependency:copy", "-Dartifact=org.slf4j:slf4j-simple:" + slf4jVersion(into),
                    "-DoutputDirectory=" + into));
        }
    }

    private static Optional<Path> readyFolder() {
        String property = System.getProperty(LIBS_PROPERTY);
        if (property != null) {
            return Optional.of(Path.of(property));
        }
        try {
            Path lib = repositoryRoot().resolve("broker/target/lib");
            return has(lib, "kafka_2.13-") ? Optional.of(lib) : Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The nearest folder above the working directory that holds {@code broker/pom.xml}. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (int depth = 0; dir != null && depth < 10; depth++, dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("broker/pom.xml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with broker/pom.xml) above "
                + Path.of("").toAbsolutePath() + "; set -D" + LIBS_PROPERTY + "=<folder of Kafka jars>");
    }

    /** Offline first (fast, no network), then online. */
    private static void mvn(Path root, List<String> goals) {
        String mvn = Processes.onPath("mvn").toString();
        List<String> offline = new ArrayList<>(List.of(mvn, "-B", "-q", "-o"));
        offline.addAll(goals);
        try {
            Processes.run(root, MVN_TIMEOUT_SECONDS, offline);
        } catch (IllegalStateException e) {
            List<String> online = new ArrayList<>(List.of(mvn, "-B", "-q"));
            online.addAll(goals);
            Processes.run(root, MVN_TIMEOUT_SECONDS, online);
        }
    }

    private static String slf4jVersion(Path jars) throws IOException {
        try (Stream<Path> files = Files.list(jars)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("slf4j-api-"))
                    .map(n -> n.substring("slf4j-api-".length(), n.length() - ".jar".length()))
                    .findFirst().orElse("2.0.17");
        }
    }

    private static boolean has(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyJars(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, to.resolve(jar.getFileName().toString()));
            }
        }
    }
}
