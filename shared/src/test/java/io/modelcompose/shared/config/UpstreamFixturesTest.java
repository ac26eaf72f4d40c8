package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.ConfigProblem;
import io.modelcompose.shared.config.load.ConfigLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code configs/valid/upstream/} (written in the shapes of upstream's examples) loads, and gives
 * exactly the warnings its {@code # warn:} lines list, in order: one line per upstream key that is accepted but not
 * acted on.
 */
class UpstreamFixturesTest {
    static final String WARN = "# warn: ";

    static List<String> upstreamFiles() {
        return ConfigFixtures.yamlFiles("valid/upstream");
    }

    @ParameterizedTest
    @MethodSource("upstreamFiles")
    void loadsWithExactlyTheDeclaredWarnings(String file) {
        var dir = ConfigFixtures.dir("valid/upstream");
        List<String> expected = ConfigFixtures.lines(dir.resolve(file)).stream()
                .filter(line -> line.startsWith(WARN))
                .map(line -> line.substring(WARN.length()))
                .toList();

        ComposeConfig config = ConfigLoader.load(ConfigFixtures.request(dir, file));

        assertThat(config.warnings()).extracting(ConfigProblem::toString).containsExactlyElementsOf(expected);
    }
}
