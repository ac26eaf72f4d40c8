package io.modelcompose.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.cli.ComposeCli;
import io.modelcompose.cli.LogSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compose-cli run} with a file logger: the run's lines land in the file, each with its run id. */
class RunLogFileTest {
    private static final Pattern RUN_ID = Pattern.compile("\\[run ([0-9A-Z]{26})]");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restoreDefaultLogging() {
        LogSetup.configure(null, false);
    }

    private int run(String config, String... args) throws IOException {
        Files.writeString(dir.resolve("model-compose.yml"), config);
        String[] all = new String[args.length + 3];
        all[0] = "--project-directory";
        all[1] = dir.toString();
        all[2] = "run";
        System.arraycopy(args, 0, all, 3, args.length);
        return ComposeCli.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private String fileLogger(String level) {
        // An absolute path: the file must not depend on the folder the test JVM runs in.
        return """
                logger:
                  - type: file
                    path: %s
                    level: %s
                """.formatted(dir.resolve("logs/run.log"), level);
    }

    private List<String> logLines() throws IOException {
        return Files.readAllLines(dir.resolve("logs/run.log"), StandardCharsets.UTF_8);
    }

    @Test
    void everyLineOfTheRunCarriesItsRunId() throws IOException {
        int code = run("""
                components:
                  - { id: log, type: logger, level: info }
                workflows:
                  - id: greet
                    jobs:
                      - { id: hello, component: log, input: { message: "hello ${input.name}" } }
                      - { id: bye, component: log, depends_on: [hello], input: { message: "bye ${input.name}" } }
                """ + fileLogger("info"), "greet", "--input", "{\"name\": \"ada\"}");

        assertThat(code).as(err.toString()).isZero();
        List<String> runLines = logLines().stream().filter(l -> l.contains("[job ")).toList();
        assertThat(runLines).hasSize(2);
        assertThat(runLines.get(0)).contains("[worker]").contains("[job hello] hello ada");
        assertThat(runLines.get(1)).contains("[job bye] bye ada");
        Matcher first = RUN_ID.matcher(runLines.get(0));
        assertThat(first.find()).as(runLines.get(0)).isTrue();
        assertThat(runLines).allSatisfy(l -> assertThat(l).contains("[run " + first.group(1) + "]"));
        assertThat(out.toString()).doesNotContain("[run ");
    }

    @Test
    void aFailedRunIsLoggedAtErrorWithItsRunIdAndReason() throws IOException {
        int code = run("""
                workflows:
                  - id: broken
                    jobs:
                      - id: fail
                        component: shell
                        command: ["sh", "-c", "echo nope >&2; exit 3"]
                """ + fileLogger("error"), "broken");

        assertThat(code).isEqualTo(1);
        Matcher reported = RUN_ID.matcher("[run " + err.toString().replaceAll("(?s)^error: run (\\S+).*", "$1") + "]");
        assertThat(reported.find()).as(err.toString()).isTrue();
        assertThat(logLines()).isNotEmpty().allSatisfy(l -> assertThat(l).contains("ERROR"))
                .anySatisfy(l -> assertThat(l).contains(reported.group(1)).contains("fail"));
    }
}
