package io.modelcompose.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.load.ConfigLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hook:} entries: our component calls are kept in order, upstream's Python scripts are dropped. */
class HookBindingTest {
    @TempDir
    Path dir;
    TempProject project;

    @BeforeEach
    void setUp() {
        project = new TempProject(dir);
    }

    @Test
    void upstreamShapedHooksKeepTheirComponentCallsInOrder() {
        var fixtures = ConfigFixtures.dir("valid/upstream");
        ComposeConfig config = ConfigLoader.load(ConfigFixtures.request(fixtures, "job-flow-hook-components.yml"));
        JobHooks hooks = config.workflow(null).jobs().get(0).options().hooks();

        assertThat(hooks.before()).extracting(h -> h.component().id(), JobHooks.Hook::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hooks", "redirect-stderr"));
        assertThat(hooks.after()).extracting(JobHooks.Hook::action).containsExactly("count", "preview");
        assertThat(hooks.after().get(0).input()).isEqualTo(Map.of("text", "${output}"));
    }

    @Test
    void aHookComponentWrittenInlineIsFoundByItsRef() {
        ComposeConfig config = project.file("model-compose.yml", """
                components:
                  - { id: echo, type: shell, command: [ echo, hi ] }
                workflow:
                  id: w
                  jobs:
                    - id: j
                      component: echo
                      hook:
                        before:
                          - component: { type: shell, command: [ echo, one ], max_concurrent_count: 1 }
                          - { component: shell, command: [ echo, two ] }
                """).load();
        JobHooks hooks = config.workflow("w").jobs().get(0).options().hooks();

        ComponentConfig first = hooks.before().get(0).component();
        ComponentConfig second = hooks.before().get(1).component();
        assertThat(first.ref("w")).isEqualTo("w/j~before.0");
        assertThat(second.ref("w")).isEqualTo("w/j~before.1");
        assertThat(config.componentByRef("w/j~before.0")).contains(first);
        assertThat(config.componentByRef("w/j~before.1")).contains(second);
        assertThat(config.componentByRef("w/j")).isEmpty();
    }

    @Test
    void onlyPythonScriptsLeaveNoHooksToRun() {
        ComposeConfig config = project.file("model-compose.yml", """
                component: { type: shell, command: [ echo, hi ] }
                workflow:
                  job:
                    hook: { before: { script: "def hook(i, **k): return i" } }
                """).load();

        assertThat(config.workflow(null).jobs().get(0).options().hooks()).isNull();
        assertThat(config.warnings()).hasSize(1);
    }
}
