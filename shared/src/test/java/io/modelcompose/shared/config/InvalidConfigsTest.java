package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.ConfigProblem;
import io.modelcompose.shared.config.load.ConfigLoader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each fixture under {@code configs/invalid/} lists the exact problems it must produce in {@code # expect:} lines,
 * in the order they are reported (by line).
 */
class InvalidConfigsTest {

    static List<String> invalidFiles() {
        return ConfigFixtures.yamlFiles("invalid");
    }

    @ParameterizedTest
    @MethodSource("invalidFiles")
    void reportsExactlyTheExpectedProblems(String file) {
        var dir = ConfigFixtures.dir("invalid");
        List<String> expected = ConfigFixtures.lines(dir.resolve(file)).stream()
                .filter(line -> line.startsWith(ConfigFixtures.EXPECT))
                .map(line -> line.substring(ConfigFixtures.EXPECT.length()))
                .toList();

        ConfigException thrown = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(ConfigFixtures.request(dir, file)));

        assertThat(expected).as("fixture declares its problems").isNotEmpty();
        assertThat(thrown).as("load fails").isNotNull();
        assertThat(thrown.problems()).extracting(ConfigProblem::toString).containsExactlyElementsOf(expected);
        assertThat(thrown.getMessage()).isEqualTo(String.join("\n", expected));
    }
}
