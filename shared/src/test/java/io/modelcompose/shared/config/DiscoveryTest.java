package io.modelcompose.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the config file. */
class DiscoveryTest {
    @TempDir
    Path dir;

    @Test
    void prefersModelComposeYmlOverYaml() {
        TempProject project = new TempProject(dir).file("model-compose.yml", "controller: { port: 1001 }\n")
                .file("model-compose.yaml", "controller: { port: 1002 }\n");
        ComposeConfig config = project.load();
        assertThat(config.controller().port()).isEqualTo(1001);
        assertThat(config.files()).containsExactly("model-compose.yml");
    }

    @Test
    void fallsBackToModelComposeYaml() {
        TempProject project = new TempProject(dir).file("model-compose.yaml", "controller: { port: 1002 }\n");
        assertThat(project.load().files()).containsExactly("model-compose.yaml");
    }

    @Test
    void reportsWhenNoConfigIsFound() {
        assertThat(new TempProject(dir).problems()).containsExactly(dir + ": no model-compose.yml or "
                + "model-compose.yaml found; name the config file with -f FILE");
    }

    @Test
    void namesAMissingDashFFile() {
        TempProject project = new TempProject(dir).file("base.yml", "controller: {}\n");
        assertThat(project.problems("base.yml", "custom-compose.yml"))
                .containsExactly("custom-compose.yml: config file not found");
    }

    @Test
    void acceptsAnEmptyFile() {
        ComposeConfig config = new TempProject(dir).file("model-compose.yml", "# nothing yet\n").load();
        assertThat(config.workflows()).isEmpty();
        assertThat(config.loggers()).containsExactly(LoggerConfig.DEFAULT_CONSOLE);
    }

    @Test
    void expandsYamlMergeKeysAndAliases() {
        ComposeConfig config = new TempProject(dir).file("model-compose.yml", """
                x-shell: &shell { type: shell, max_concurrent_count: 2 }
                """.replace("x-shell: ", "components:\n  - id: a\n    <<: ") + """
                    command: echo a
                  - { <<: *shell, id: b, command: echo b, max_concurrent_count: 3 }
                """).load();
        assertThat(config.components()).extracting(ComponentConfig::maxConcurrentCount).containsExactly(2, 3);
    }
}
