package io.modelcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private CliResult run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--project-directory";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliResult.run(all);
    }

    @Test
    void printsTheOutputAsJsonAndNothingElseOnStdout() throws Exception {
        write("model-compose.yml", """
                workflow:
                  id: greet
                  jobs:
                    - id: say
                      component: shell
                      command: echo "hello ${input.name}"
                      output: { greeting: "${stdout}", code: "${exit_code}" }
                """);
        CliResult result = run("run", "greet", "--input", "{\"name\": \"ada\"}");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(JSON.readValue(result.out(), Map.class)).isEqualTo(Map.of("greeting", "hello ada", "code", 0));
    }

    @Test
    void readsInputFromAFileAndWritesOutputToAFile() throws Exception {
        write("model-compose.yml", """
                workflow:
                  jobs:
                    - { id: log, component: logger }
                """);
        write("input.json", "{\"message\": \"from file\"}");
        CliResult result = run("run", "--input", "@input.json", "--output", dir.resolve("out.json").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(JSON.readValue(dir.resolve("out.json").toFile(), Map.class)).isEqualTo(Map.of("message", "from file"));
    }

    @Test
    void failedRunExitsOneWithTheErrorOnStderr() throws Exception {
        write("model-compose.yml", """
                workflow:
                  jobs:
                    - { id: broken, component: shell, command: "echo oops >&2; exit 3" }
                """);
        CliResult result = run("run");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("failed: job 'broken' failed: command exited with code 3: oops")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void failOnErrorFalseKeepsTheExitCodeAsOutput() throws Exception {
        write("model-compose.yml", """
                workflow:
                  jobs:
                    - { id: soft, component: shell, command: "exit 3", fail_on_error: false, output: "${exit_code}" }
                """);
        CliResult result = run("run");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().trim()).isEqualTo("3");
    }

    @Test
    void invalidInputJsonIsAUsageError() throws Exception {
        write("model-compose.yml", "workflow:\n  jobs:\n    - { id: log, component: logger }\n");
        CliResult result = run("run", "--input", "{\"a\": ");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("invalid JSON in --input at line 1");
    }

    @Test
    void missingInputFileIsAUsageError() throws Exception {
        write("model-compose.yml", "workflow:\n  jobs:\n    - { id: log, component: logger }\n");
        CliResult result = run("run", "--input", "@nope.json");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--input file not found: nope.json");
    }

    @Test
    void unknownWorkflowIsAUsageError() throws Exception {
        write("model-compose.yml", "workflow:\n  id: only\n  jobs:\n    - { id: log, component: logger }\n");
        CliResult result = run("run", "other");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Workflow 'other' not found.");
    }

    @Test
    void configErrorsExitTwoWithFileAndLine() throws Exception {
        write("model-compose.yml", """
                workflow:
                  jobs:
                    - id: a
                      component: nowhere
                """);
        CliResult result = run("run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("model-compose.yml:4:");
    }

    @Test
    void runtimeExpressionErrorNamesTheExpression() throws Exception {
        write("model-compose.yml", """
                workflow:
                  jobs:
                    - { id: a, component: shell, command: echo abc, output: "${stdout}" }
                    - { id: b, component: logger, input: "${output - 1}" }
                """);
        CliResult result = run("run");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("job 'b' failed").contains("${output - 1}");
    }

    @Test
    void validatePrintsASummaryOrEveryProblem() throws Exception {
        write("model-compose.yml", "workflow:\n  jobs:\n    - { id: log, component: logger }\n");
        assertThat(run("validate").exitCode()).isZero();
        write("model-compose.yml", "workflow:\n  jobs:\n    - { id: log, component: logger, colour: red }\n");
        CliResult bad = run("validate");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("model-compose.yml:3:").contains("colour");
    }

    @Test
    void optionsMayComeBeforeOrAfterTheCommand() throws Exception {
        Path config = write("other.yml", "workflow:\n  jobs:\n    - { id: log, component: logger, input: \"${env.WHO}\" }\n");
        CliResult before = CliResult.run("--project-directory", dir.toString(), "-f", config.toString(), "-e", "WHO=me",
                "run");
        CliResult after = CliResult.run("run", "--project-directory", dir.toString(), "-f", config.toString(), "-e",
                "WHO=you");
        assertThat(before.out().trim()).as(before.err()).isEqualTo("\"me\"");
        assertThat(after.out().trim()).as(after.err()).isEqualTo("\"you\"");
    }

    @Test
    void readsAnInputFileGivenAfterASpaceWhenTheFileExists() throws Exception {
        write("model-compose.yml", """
                workflow:
                  jobs:
                    - { id: log, component: logger }
                """);
        Path input = write("input.json", "{\"message\": \"two words\"}");
        // an absolute path: the file exists wherever the test runs, so an argument-file expansion would split it
        CliResult result = run("run", "--input", "@" + input.toAbsolutePath());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(JSON.readValue(result.out(), Map.class)).isEqualTo(Map.of("message", "two words"));
    }

    private static final String REVIEW = """
            workflow:
              job:
                component: shell
                input: { text: "${input.text}" }
                command: [ echo, "${input.text}" ]
                output: ${stdout.trim()}
                interrupt:
                  before: { message: "approve ${job.input.text}?" }
            """;

    @Test
    void aRunThatPausesForAPersonWithoutATerminalStopsAndSaysHowToAnswer() throws Exception {
        write("model-compose.yml", REVIEW);
        CliResult result = run("run", "--input", "{\"text\": \"xyz\"}");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("job '__job__' waits for a person (interrupt before): approve xyz?")
                .contains("--auto-resume");
    }

    @Test
    void autoResumeGoesOnUnchangedAtEveryPause() throws Exception {
        write("model-compose.yml", REVIEW);
        CliResult result = run("run", "--input", "{\"text\": \"xyz\"}", "--auto-resume");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(JSON.readValue(result.out(), String.class)).isEqualTo("xyz");
    }

    /** Upstream's job-flow/hook example with our hooks (a fixture of {@code shared}): shell components around a job. */
    static final Path HOOKED_LISTING = Path.of("..", "shared", "src", "test", "resources", "configs", "valid", "upstream",
            "job-flow-hook-components.yml").toAbsolutePath().normalize();

    @Test
    void hooksCallTheirComponentsBeforeAndAfterTheJob() throws Exception {
        Files.copy(HOOKED_LISTING, dir.resolve("model-compose.yml"));
        Path files = Files.createDirectories(dir.resolve("files"));
        for (String name : new String[] {"a.txt", "b.txt", "c.txt"}) {
            Files.writeString(files.resolve(name), name);
        }
        CliResult result = run("run", "--input", JSON.writeValueAsString(Map.of("path", files.toString())));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(JSON.readValue(result.out(), Map.class)).isEqualTo(Map.of("line_count", 3,
                "preview", java.util.List.of("a.txt", "b.txt")));
    }
}
