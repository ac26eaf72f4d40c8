package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.ConfigProblem;
import io.modelcompose.shared.config.load.ConfigLoader;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A project folder in a temporary directory, with an empty process environment unless one is given. */
final class TempProject {
    final Path dir;

    TempProject(Path dir) {
        this.dir = dir;
    }

    TempProject file(String name, String content) {
        try {
            Path path = dir.resolve(name);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LoadRequest request(String... files) {
        return new LoadRequest(Stream.of(files).map(Path::of).toList(), List.of(), Map.of(), Map.of(), dir);
    }

    ComposeConfig load(String... files) {
        return ConfigLoader.load(request(files));
    }

    /** The problems of a load that must fail, formatted. */
    static List<String> problems(LoadRequest request) {
        ConfigException thrown = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(request));
        if (thrown == null) {
            throw new AssertionError("expected the load to fail");
        }
        return thrown.problems().stream().map(ConfigProblem::toString).toList();
    }

    List<String> problems(String... files) {
        return problems(request(files));
    }
}
