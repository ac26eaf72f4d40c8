package io.modelcompose.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.cli.ComposeCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers {@code -h} and {@code --help} with its usage and an example, and exits 0 (issue #16). */
class CommandHelpTest {
    private record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ComposeCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource({"up,-h", "up,--help", "down,-h", "down,--help", "ps,-h", "ps,--help", "logs,-h", "logs,--help",
        "run,-h", "run,--help", "validate,-h", "validate,--help", "serve,-h", "serve,--help", "bench,-h",
        "bench,--help", "verify,-h", "verify,--help"})
    void everyCommandPrintsItsUsageWithAnExampleAndExitsZero(String command, String flag) {
        Result result = cli(command, flag);
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("Usage: compose-cli " + command)
                .contains("Example")
                .containsPattern("(?m)^  compose-cli .*" + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"up", "run", "serve"})
    void helpAfterOtherArgumentsStillWinsAndNeedsNoConfig(String command) {
        Result result = cli("--project-directory", "/nonexistent-folder", command, "--help");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Usage: compose-cli " + command);
    }

    @org.junit.jupiter.api.Test
    void serveHelpDoesNotAskForTheRole() {
        Result result = cli("serve", "--help");
        assertThat(result.code()).isZero();
        assertThat(result.err()).doesNotContain("Missing required parameter");
        assertThat(result.out()).contains("ROLE").contains("compose-cli serve worker --kafka");
    }

    @org.junit.jupiter.api.Test
    void topLevelHelpPointsToTheCommandsHelp() {
        Result result = cli("--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Run 'compose-cli COMMAND --help'");
    }
}
