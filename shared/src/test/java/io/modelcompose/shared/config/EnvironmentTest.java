package io.modelcompose.shared.config;

import io.modelcompose.shared.config.load.ConfigLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment layering and {@code ${env.*}} resolution on parsed values. */
class EnvironmentTest {
    private static final String CONFIG = """
            controller:
              port: ${env.PORT | 8080}
              host: ${env.HOST | 127.0.0.1}
              threaded: ${env.THREADED | false}
              name: ${env.NAME}
            """;

    @TempDir
    Path dir;
    TempProject project;

    @BeforeEach
    void writeConfig() {
        project = new TempProject(dir).file("model-compose.yml", CONFIG);
    }

    private ComposeConfig load(List<Path> envFiles, Map<String, String> overrides, Map<String, String> processEnv) {
        return ConfigLoader.load(new LoadRequest(List.of(), envFiles, overrides, processEnv, dir));
    }

    @Test
    void appliesOverridesThenEnvFilesThenDotEnvThenProcessEnv() {
        project.file(".env", "NAME=dotenv\nHOST=dotenv-host\nPORT=7001\nTHREADED=true\n")
                .file("first.env", "NAME=first\nHOST=first-host\n")
                .file("second.env", "NAME=second\n");
        Map<String, String> processEnv = Map.of("NAME", "process", "HOST", "process-host", "PORT", "7000",
                "ONLY_PROCESS", "p");

        ComposeConfig config = load(List.of(Path.of("first.env"), Path.of("second.env")), Map.of("NAME", "flag"),
                processEnv);

        assertThat(config.controller().name()).isEqualTo("flag");
        assertThat(config.controller().host()).isEqualTo("first-host");
        assertThat(config.controller().port()).isEqualTo(7001);
        assertThat(config.controller().threaded()).isTrue();
        assertThat(config.env()).containsEntry("NAME", "flag").containsEntry("HOST", "first-host")
                .containsEntry("PORT", "7001").containsEntry("ONLY_PROCESS", "p");
    }

    @Test
    void laterEnvFileWinsOverEarlierOne() {
        project.file("first.env", "NAME=first\n").file("second.env", "NAME=second\n");
        ComposeConfig config = load(List.of(Path.of("first.env"), Path.of("second.env")), Map.of(), Map.of());
        assertThat(config.controller().name()).isEqualTo("second");
    }

    @Test
    void processEnvIsUsedWhenNothingElseSetsTheVariable() {
        ComposeConfig config = load(List.of(), Map.of(), Map.of("NAME", "from-process", "PORT", "9000"));
        assertThat(config.controller().name()).isEqualTo("from-process");
        assertThat(config.controller().port()).isEqualTo(9000);
    }

    @Test
    void keepsTheYamlTypeOfDefaults() {
        ComposeConfig config = load(List.of(), Map.of("NAME", "n"), Map.of());
        assertThat(config.controller().port()).isEqualTo(8080);
        assertThat(config.controller().host()).isEqualTo("127.0.0.1");
        assertThat(config.controller().threaded()).isFalse();
    }

    @Test
    void typesWholeValueDefaultsInTemplates() {
        project.file("model-compose.yml", """
                workflow:
                  job:
                    component: logger
                    input: { count: "${env.COUNT | 5}", ratio: "${env.RATIO | 0.5}", on: "${env.ON | true}",
                             quoted: "${env.Q | '5'}", set: "${env.SET}" }
                """);
        JobConfig job = load(List.of(), Map.of("SET", "42"), Map.of()).workflow(null).jobs().get(0);
        assertThat(job.input()).isEqualTo(Map.of("count", 5, "ratio", 0.5, "on", true, "quoted", "5", "set", "42"));
    }

    @Test
    void substitutesInsideLongerStringsAndLeavesRuntimeExpressions() {
        project.file("model-compose.yml", """
                workflow:
                  job:
                    component: shell
                    command: "curl ${env.URL | http://localhost}/x?q=${input.q}&t=${env.TOKEN} ${env.N as integer}"
                """);
        ShellAction action = (ShellAction) load(List.of(), Map.of("TOKEN", "t0k"), Map.of()).workflow(null).jobs()
                .get(0).component().action(null);
        assertThat(action.command()).isEqualTo("curl http://localhost/x?q=${input.q}&t=t0k ${env.N as integer}");
    }

    @Test
    void neverParsesVariableValuesAsYaml() {
        ComposeConfig config = load(List.of(), Map.of("NAME", "x\nports: [1]\n{"), Map.of());
        assertThat(config.controller().name()).isEqualTo("x\nports: [1]\n{");
    }

    @Test
    void reportsAnUnsetVariableWithItsPath() {
        assertThat(TempProject.problems(new LoadRequest(List.of(), List.of(), Map.of(), Map.of(), dir)))
                .containsExactly("model-compose.yml:5: controller.name: environment variable 'NAME' is not set and "
                        + "has no default");
    }

    @Test
    void parsesDotEnvSyntax() {
        project.file(".env", """
                # a comment

                export NAME=exported
                HOST="quoted host"
                PORT='9001'
                THREADED=true # trailing comment
                """);
        ComposeConfig config = load(List.of(), Map.of(), Map.of());
        assertThat(config.controller().name()).isEqualTo("exported");
        assertThat(config.controller().host()).isEqualTo("quoted host");
        assertThat(config.controller().port()).isEqualTo(9001);
        assertThat(config.controller().threaded()).isTrue();
    }

    @Test
    void reportsMalformedDotEnvLine() {
        project.file(".env", "NAME=ok\nnot a pair\n");
        assertThat(TempProject.problems(new LoadRequest(List.of(), List.of(), Map.of(), Map.of(), dir)))
                .containsExactly(".env:2: expected KEY=VALUE, got 'not a pair'");
    }

    @Test
    void reportsMissingEnvFile() {
        LoadRequest request = new LoadRequest(List.of(), List.of(Path.of(".env.production")), Map.of("NAME", "n"),
                Map.of(), dir);
        assertThat(TempProject.problems(request)).containsExactly(".env.production: env file not found (--env-file)");
    }
}
