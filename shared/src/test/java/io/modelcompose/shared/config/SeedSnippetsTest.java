package io.modelcompose.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every YAML snippet of the seed chapter loads. */
class SeedSnippetsTest {

    static List<String> seedFiles() {
        return ConfigFixtures.yamlFiles("valid/seed");
    }

    @ParameterizedTest
    @MethodSource("seedFiles")
    void loadsSeedSnippet(String file) {
        assertThatCode(() -> ConfigFixtures.loadSeed(file)).doesNotThrowAnyException();
    }

    @Test
    void coversEveryYamlBlockOfTheSeed() {
        assertThat(seedFiles()).hasSize(44);
    }
}
