package io.modelcompose.shared.config;

import io.modelcompose.shared.config.load.ConfigLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several {@code -f} files merge in order: maps deeply, id lists by id, everything else replaced. */
class MergeTest {
    private final Path dir = ConfigFixtures.dir("valid/merge");

    private ComposeConfig load(String... files) {
        return ConfigLoader.load(ConfigFixtures.request(dir, files));
    }

    @Test
    void mergesMapsDeeplyAndKeepsUntouchedKeys() {
        ComposeConfig config = load("base.yml", "override.yml");
        assertThat(config.controller().port()).isEqualTo(9090);
        assertThat(config.controller().type()).isEqualTo("http-server");
        assertThat(config.controller().runtime().docker().image()).isEqualTo("base-image");
        assertThat(config.controller().runtime().docker().networks()).containsExactly("one", "two");
        assertThat(config.files()).containsExactly("base.yml", "override.yml");
    }

    @Test
    void mergesListsWithIdsByIdKeepingOrder() {
        ComposeConfig config = load("base.yml", "override.yml");
        assertThat(config.components()).extracting(ComponentConfig::id).containsExactly("api", "echo", "extra");
        ShellAction echo = (ShellAction) config.component("echo").orElseThrow().action(null);
        assertThat(echo.command()).isEqualTo(List.of("echo", "override"));
        WorkflowConfig main = config.workflow("main");
        assertThat(main.jobs()).extracting(JobConfig::id).containsExactly("first", "second", "third");
        assertThat(main.job("second").orElseThrow().component().id()).isEqualTo("extra");
    }

    @Test
    void replacesListsWithoutIdsAndTypeChanges() {
        Map<String, Object> tree = ConfigLoader.loadMergedTree(ConfigFixtures.request(dir, "base.yml", "replace.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> runtime = (Map<String, Object>) ((Map<String, Object>) tree.get("controller"))
                .get("runtime");
        assertThat(runtime).containsEntry("networks", List.of("three"))
                .containsEntry("labels", "replaced-by-a-string");
    }

    @Test
    void namesTheFileThatWroteTheValueInProblems() {
        LoadRequest request = ConfigFixtures.request(dir, "base.yml", "replace.yml")
                .withProcessEnv(Map.of("IMAGE", "img"));
        assertThat(TempProject.problems(request)).containsExactly(
                "replace.yml:6: controller.runtime.labels: expected a mapping or a list of KEY=VALUE, "
                        + "got 'replaced-by-a-string'",
                "replace.yml:10: components[1].type: component type 'shel' is not supported (served types: "
                        + "http-client, shell, logger, workflow) (did you mean 'shell'?)");
    }

    @Test
    void keepsEnvReferencesUnresolvedInTheMergedTree() {
        Map<String, Object> tree = ConfigLoader.loadMergedTree(ConfigFixtures.request(dir, "base.yml", "replace.yml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> runtime = (Map<String, Object>) ((Map<String, Object>) tree.get("controller"))
                .get("runtime");
        assertThat(runtime).containsEntry("image", "${env.IMAGE}").containsEntry("type", "docker");
    }

    @Test
    void normalisesShorthandsBeforeMerging(@TempDir Path temp) {
        TempProject project = new TempProject(temp)
                .file("a.yml", "component: { id: echo, type: shell, command: echo a }\n")
                .file("b.yml", "components: [ { id: echo, fail_on_error: false } ]\n");
        ShellAction echo = (ShellAction) project.load("a.yml", "b.yml").component("echo").orElseThrow().action(null);
        assertThat(echo.command()).isEqualTo("echo a");
        assertThat(echo.failOnError()).isFalse();
    }
}
