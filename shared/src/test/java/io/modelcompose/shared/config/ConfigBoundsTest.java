package io.modelcompose.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile config files end in one clear problem with file and line, not in memory or time without end. */
class ConfigBoundsTest {
    @TempDir
    Path dir;

    @Test
    void stopsAnAliasBombWithTheLineWhereItExpands() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 9; level++) {
            String prev = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [").append(prev);
            for (int i = 1; i < 9; i++) {
                yaml.append(", ").append(prev);
            }
            yaml.append("]\n");
        }
        yaml.append("workflows: []\n");

        assertThat(new TempProject(dir).file("model-compose.yml", yaml.toString()).problems())
                .singleElement().asString()
                .matches("model-compose\\.yml:\\d+: invalid YAML: the document expands to more than 100000 values "
                        + "\\(aliases\\?\\)");
    }

    @Test
    void refusesALongLineBeforeParsingIt() {
        String yaml = "workflows: []\ncontroller:\n  name: " + "n".repeat(100_000) + "\n";

        assertThat(new TempProject(dir).file("model-compose.yml", yaml).problems())
                .containsExactly("model-compose.yml:3: invalid YAML: a line of 100008 characters, limit 65536");
    }

    @Test
    void refusesAScalarOverTheLimitWithItsLine() {
        String yaml = "workflows: []\ncontroller:\n  name: |\n" + ("    " + "n".repeat(1000) + "\n").repeat(100);

        assertThat(new TempProject(dir).file("model-compose.yml", yaml).problems())
                .containsExactly("model-compose.yml:3: invalid YAML: a value of 100100 characters, limit 65536");
    }

    @Test
    void refusesAFileOverTheSizeLimitBeforeParsingIt() {
        String yaml = "workflows: []\n" + ("# padding " + "p".repeat(90) + "\n").repeat(11_000);

        assertThat(new TempProject(dir).file("model-compose.yml", yaml).problems()).singleElement().asString()
                .startsWith("model-compose.yml: config file is too large: ").endsWith(" bytes, limit 262144");
    }

    @Test
    void namesTheLineOfTheFirstByteThatIsNotUtf8() throws Exception {
        byte[] latin1 = "workflows: []\ncontroller:\n  name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("model-compose.yml"), latin1);

        assertThat(new TempProject(dir).problems()).containsExactly(
                "model-compose.yml:3: not UTF-8 text (byte 0xe9 at offset 37); save the file as UTF-8");
    }
}
