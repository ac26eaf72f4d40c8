package io.modelcompose.systemtests.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The repository's root folder (the tests run in cli/) and YAML reading for the deployment files there. */
final class RepoFiles {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RepoFiles() {
    }

    /** The nearest folder above the working folder that holds the Dockerfile and the parent pom. */
    static Path root() {
        Path folder = Path.of("").toAbsolutePath();
        for (int depth = 0; folder != null && depth < 5; depth++, folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("Dockerfile")) && Files.isDirectory(folder.resolve("cli"))) {
                return folder;
            }
        }
        throw new IllegalStateException("no repository root (Dockerfile + cli/) above " + Path.of("").toAbsolutePath());
    }

    static Map<String, Object> readMap(Path file) {
        try {
            return YAML.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
