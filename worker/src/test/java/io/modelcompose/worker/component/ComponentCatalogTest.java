package io.modelcompose.worker.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.HttpClientAction;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.config.ShellAction;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentCatalogTest {
    private static final String YAML = """
            components:
              - id: api
                type: http-client
                base_url: http://127.0.0.1:9/v1
                actions:
                  - id: chat
                    path: /chat
                    default: true
                  - id: models
                    path: /models
                    method: GET
              - id: greeter
                type: shell
                command: echo hello
            workflows:
              - id: wf
                jobs:
                  - id: inline-step
                    component: shell
                    command: echo inline
                  - id: declared-step
                    component: greeter
            """;

    private ComponentCatalog catalog;

    @BeforeEach
    void load(@TempDir Path project) throws IOException {
        Files.writeString(project.resolve("model-compose.yml"), YAML);
        ComposeConfig config = ConfigLoader.load(new LoadRequest(List.of(), List.of(), Map.of(), Map.of(), project));
        catalog = new ComponentCatalog(config);
    }

    @Test
    void findsADeclaredComponentByIdAndItsActions() {
        assertThat(catalog.component("greeter").id()).isEqualTo("greeter");
        assertThat(catalog.action("greeter", "__default__")).isInstanceOfSatisfying(ShellAction.class,
                a -> assertThat(a.command()).isEqualTo("echo hello"));
        assertThat(catalog.action("api", "models")).isInstanceOfSatisfying(HttpClientAction.class,
                a -> assertThat(a.path()).isEqualTo("/models"));
        assertThat(catalog.action("api", "__default__")).isInstanceOfSatisfying(HttpClientAction.class,
                a -> assertThat(a.path()).isEqualTo("/chat"));
    }

    @Test
    void findsAnInlineComponentByWorkflowAndJob() {
        assertThat(catalog.action("wf/inline-step", null)).isInstanceOfSatisfying(ShellAction.class,
                a -> assertThat(a.command()).isEqualTo("echo inline"));
    }

    @Test
    void reportsUnknownReferencesAsNotFound() {
        for (String ref : new String[] {"nope", "wf/no-such-job", "no-such-workflow/inline-step", "/inline-step"}) {
            assertThatThrownBy(() -> catalog.component(ref)).as(ref).isInstanceOfSatisfying(ComposeException.class,
                    e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                        assertThat(e.getMessage()).contains("unknown component '" + ref + "'");
                    });
        }
    }

    @Test
    void reportsAnUnknownActionAsNotFound() {
        assertThatThrownBy(() -> catalog.action("api", "nope")).isInstanceOfSatisfying(ComposeException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
