package io.modelcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compose-cli run} runs files in the shapes of upstream's job-flow examples with upstream's outputs. */
class UpstreamJobFlowRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private Object run(String yaml, String input) throws Exception {
        Files.writeString(dir.resolve("model-compose.yml"), yaml, StandardCharsets.UTF_8);
        CliResult result = CliResult.run("--project-directory", dir.toString(), "run", "--input", input);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readValue(result.out(), Object.class);
    }

    @Test
    void ifRoutesByScoreAsUpstreamsExample() throws Exception {
        String yaml = """
                controller:
                  adapter: { type: http-server, port: 8080, base_path: /api }
                workflow:
                  title: Conditional Routing with `if` Job
                  jobs:
                    - id: classify-score
                      type: if
                      input: ${input.score as integer}
                      conditions:
                        - { operator: gte, value: 90, if_true: grade-a }
                        - { operator: gte, value: 70, if_true: grade-b }
                      otherwise: grade-f
                    - id: grade-a
                      component: format-result
                      input: { score: "${input.score as integer}", grade: A }
                      output: ${output}
                    - id: grade-b
                      component: format-result
                      input: { score: "${input.score as integer}", grade: B }
                      output: ${output}
                    - id: grade-f
                      component: format-result
                      input: { score: "${input.score as integer}", grade: F }
                      output: ${output}
                components:
                  - id: format-result
                    type: shell
                    action:
                      command: [ "echo", "[Grade ${input.grade}] score=${input.score}" ]
                      output:
                        grade: ${input.grade}
                        rendered: ${result.stdout}
                """;
        assertThat(run(yaml, "{\"score\": 75}")).isEqualTo(Map.of("grade", "B", "rendered", "[Grade B] score=75"));
        assertThat(run(yaml, "{\"score\": 12}")).isEqualTo(Map.of("grade", "F", "rendered", "[Grade F] score=12"));
    }

    @Test
    void forEachOverShellKeepsOrderAndFilterKeepsMatches() throws Exception {
        String yaml = """
                workflow:
                  jobs:
                    - id: keep
                      type: filter
                      input: ${input.words}
                      where: { input: "${item}", operator: match, value: "^[a-c]" }
                    - id: shout
                      type: for-each
                      input: ${output}
                      batch_size: 2
                      do:
                        component: { type: shell, action: { command: [ echo, "${input}!" ], output: "${result.stdout}" } }
                    - { id: pause, type: delay, duration: 10ms, output: "${jobs.shout.output}" }
                """;
        assertThat(run(yaml, "{\"words\": [\"apple\", \"zebra\", \"cherry\", \"banana\"]}"))
                .isEqualTo(List.of("apple!", "cherry!", "banana!"));
    }
}
