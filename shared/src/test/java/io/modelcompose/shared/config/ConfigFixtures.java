package io.modelcompose.shared.config;

import io.modelcompose.shared.config.load.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Locates the fixture files under {@code configs/} and builds load requests with a fixed, empty process env. */
final class ConfigFixtures {
    static final String ALSO_LOAD = "# also load: ";
    static final String EXPECT = "# expect: ";

    private ConfigFixtures() {
    }

    static Path dir(String name) {
        try {
            return Path.of(ConfigFixtures.class.getResource("/configs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LoadRequest request(Path projectDir, String... files) {
        return new LoadRequest(Stream.of(files).map(Path::of).toList(), List.of(), Map.of(), Map.of(), projectDir);
    }

    /** Loads a seed fixture together with the files its {@code # also load:} lines name (loaded first). */
    static ComposeConfig loadSeed(String name) {
        Path seed = dir("valid/seed");
        List<String> files = new ArrayList<>();
        for (String line : lines(seed.resolve(name))) {
            if (line.startsWith(ALSO_LOAD)) {
                files.add(line.substring(ALSO_LOAD.length()).split(" ")[0]);
            }
        }
        files.add(name);
        return ConfigLoader.load(request(seed, files.toArray(String[]::new)));
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> yamlFiles(String dirName) {
        try (Stream<Path> files = Files.list(dir(dirName))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
