package io.modelcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} accepts upstream keys it does not act on, with one warning line naming each. */
class ValidateWarningsTest {
    @TempDir
    Path dir;

    @Test
    void printsOneWarningLinePerAcceptedButUnusedKey() throws Exception {
        Files.writeString(dir.resolve("model-compose.yml"), """
                controller:
                  adapter: { type: http-server, port: 8080 }
                listeners:
                  - type: http-callback
                workflow:
                  job:
                    component: logger
                    hook:
                      before: { script: "def hook(input, **kw): return input" }
                """, StandardCharsets.UTF_8);

        CliResult result = CliResult.run("validate", "--project-directory", dir.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().filter(line -> line.startsWith("warning: ")).toList()).containsExactly(
                "warning: model-compose.yml:3: listeners: accepted but not acted on: listeners (HTTP callbacks into "
                        + "workflows) are not served",
                "warning: model-compose.yml:9: workflows[0].jobs[0].hook.before.script: accepted but not acted on: a "
                        + "Python 'script' hook is not run (this implementation executes no Python); call a "
                        + "component instead: {component: <id>, action: <id>, input: ...}");
        assertThat(result.out()).contains("configuration is valid");
    }
}
