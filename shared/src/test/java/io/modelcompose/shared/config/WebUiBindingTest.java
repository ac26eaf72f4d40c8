package io.modelcompose.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.tree.ConfigProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code controller.webui}: the original's defaults, its {@code gradio} driver name, the static driver. */
class WebUiBindingTest {
    @TempDir
    Path dir;

    private ControllerConfig controller(String yaml) {
        return new TempProject(dir).file("model-compose.yml", yaml).load().controller();
    }

    @Test
    void noWebUiWhenNotWritten() {
        assertThat(controller("workflows: []\n").webui()).isNull();
    }

    @Test
    void fillsTheOriginalsDefaultsAndAcceptsGradio() {
        ControllerConfig controller = controller("""
                controller:
                  adapter: { type: http-server, port: 8080 }
                  webui: { driver: gradio }
                workflows: []
                """);
        assertThat(controller.webui()).isEqualTo(new WebUiConfig("gradio", "127.0.0.1", 8081, "webui",
                controller.webui().location()));
        assertThat(controller.webui().servesStaticDir()).isFalse();
    }

    @Test
    void anEmptyWebUiIsTheGradioDefault() {
        WebUiConfig ui = controller("controller:\n  webui: {}\nworkflows: []\n").webui();
        assertThat(ui.driver()).isEqualTo("gradio");
        assertThat(ui.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void readsTheStaticDriverWithItsFolderHostAndPort() {
        WebUiConfig ui = controller("""
                controller:
                  webui:
                    driver: static
                    static_dir: site
                    host: 0.0.0.0
                    port: 9090
                workflows: []
                """).webui();
        assertThat(ui.driver()).isEqualTo("static");
        assertThat(ui.staticDir()).isEqualTo("site");
        assertThat(ui.host()).isEqualTo("0.0.0.0");
        assertThat(ui.port()).isEqualTo(9090);
        assertThat(ui.servesStaticDir()).isTrue();
    }

    @Test
    void theDynamicDriverIsAcceptedWithAWarningAndServesNothing() {
        ComposeConfig config = new TempProject(dir).file("model-compose.yml", """
                controller:
                  webui:
                    driver: dynamic
                    command: python server.py
                    server_dir: webui/server
                workflows: []
                """).load();

        assertThat(config.controller().webui()).isNull();
        assertThat(config.warnings()).extracting(ConfigProblem::toString).containsExactly(
                "model-compose.yml:3: controller.webui.driver: accepted but not acted on: the 'dynamic' web UI "
                        + "driver is not served (the original serves nothing for it either); use 'gradio' for the "
                        + "built-in page or 'static' with static_dir",
                "model-compose.yml:4: controller.webui.command: accepted but not acted on: the 'dynamic' web UI "
                        + "driver is not served",
                "model-compose.yml:5: controller.webui.server_dir: accepted but not acted on: the 'dynamic' web UI "
                        + "driver is not served");
    }
}
