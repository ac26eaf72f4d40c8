package io.modelcompose.worker.component;

import static io.modelcompose.worker.component.Jobs.asMap;
import static io.modelcompose.worker.component.Jobs.await;
import static io.modelcompose.worker.component.Jobs.failure;
import static io.modelcompose.worker.component.Jobs.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ShellAction;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class ShellCommandTest {
    private ComponentRunner runner;

    @BeforeEach
    void startRunner(Vertx vertx) {
        runner = new ComponentRunner(vertx, 4);
    }

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    static ShellAction shell(Object command) {
        return new ShellAction("__action__", false, null, command, null, null, null, true);
    }

    private Map<String, Object> run(ShellAction action, Object input) {
        return asMap(await(runner.execute(request(action, input), new CancelSignal())).output());
    }

    @Test
    void runsStringCommandThroughShellWithPipesAndSubstitution() {
        Map<String, Object> result = run(shell("echo a b | tr a-z A-Z; echo \"$(echo nested)\""), null);

        assertThat(result).containsEntry("stdout", "A B\nnested").containsEntry("stderr", "")
                .containsEntry("exit_code", 0);
    }

    @Test
    void runsListCommandWithoutShellSoArgumentsStayLiteral() {
        Map<String, Object> result = run(shell(List.of("printf", "%s|%s", "two words", "$HOME")), null);

        assertThat(result.get("stdout")).isEqualTo("two words|$HOME");
    }

    @Test
    void trimsOnlyTheFinalNewlineOfStdoutAndStderr() {
        Map<String, Object> result = run(shell("printf '  padded  \\n\\n'; printf 'warn\\n\\n' >&2"), null);

        assertThat(result.get("stdout")).isEqualTo("  padded  \n");
        assertThat(result.get("stderr")).isEqualTo("warn\n");
    }

    @Test
    void exposesStdoutStderrExitCodeAndResultToTheOutputTemplate() {
        Map<String, Object> template = Map.of("out", "${stdout}", "err", "${stderr}", "code", "${exit_code}",
                "same", "${result.stdout}", "line", "got ${stdout} (${exit_code})");
        ShellAction action = new ShellAction("__action__", false, template, "echo hi; echo oops >&2", null, null,
                null, true);

        ComponentResult result = await(runner.execute(request(action, null), new CancelSignal()));

        assertThat(asMap(result.output())).containsEntry("out", "hi").containsEntry("err", "oops")
                .containsEntry("code", 0).containsEntry("same", "hi").containsEntry("line", "got hi (0)");
        assertThat(result.sources()).containsEntry("stdout", "hi").containsEntry("exit_code", 0);
    }

    @Test
    void passesRenderedEnvironmentToTheProcess() {
        Map<String, Object> env = Map.of("GREETING", "hello ${input.name}", "SECRET", "${env.TOKEN}");
        ShellAction action = new ShellAction("__action__", false, null, "echo \"$GREETING/$SECRET\"; echo \"$PATH\"",
                null, env, null, true);

        Map<String, Object> result = run(action, Map.of("name", "Ada"));

        String[] lines = ((String) result.get("stdout")).split("\n");
        assertThat(lines[0]).isEqualTo("hello Ada/secret-token");
        assertThat(lines[1]).as("the process environment is inherited").isNotEmpty();
    }

    @Test
    void resolvesWorkingDirRelativeToProjectDir(@TempDir Path project) throws Exception {
        Path sub = Files.createDirectories(project.resolve("scripts/sub"));
        ShellAction relative = new ShellAction("__action__", false, null, "pwd -P", "scripts/sub", null, null, true);
        ShellAction unset = new ShellAction("__action__", false, null, List.of("pwd", "-P"), null, null, null, true);

        Object inSub = asMap(await(runner.execute(request(relative, null, 0, project), new CancelSignal()))
                .output()).get("stdout");
        Object inProject = asMap(await(runner.execute(request(unset, null, 0, project), new CancelSignal()))
                .output()).get("stdout");

        assertThat(inSub).isEqualTo(sub.toRealPath().toString());
        assertThat(inProject).isEqualTo(project.toRealPath().toString());
    }

    @Test
    void failsOnNonZeroExitWithCodeAndStderrExcerpt() {
        ComposeException error = failure(runner.execute(request(shell("echo partial; echo boom happened >&2; exit 3"),
                null), new CancelSignal()));

        assertThat(error.code()).isEqualTo(ErrorCode.COMPONENT_FAILED);
        assertThat(error.getMessage()).contains("code 3").contains("boom happened");
    }

    @Test
    void boundsTheStderrExcerptOfAFailure() {
        ComposeException error = failure(runner.execute(request(shell("head -c 20000 /dev/zero | tr '\\0' x >&2; "
                + "exit 1"), null), new CancelSignal()));

        assertThat(error.getMessage()).contains("code 1").contains("xxxx").hasSizeLessThan(1_000);
    }

    @Test
    void returnsTheExitCodeWhenFailOnErrorIsOff() {
        ShellAction lenient = new ShellAction("__action__", false, null, "echo boom >&2; exit 3", null, null, null,
                false);

        Map<String, Object> result = run(lenient, null);

        assertThat(result).containsEntry("exit_code", 3).containsEntry("stderr", "boom").containsEntry("stdout", "");
    }

    @Test
    void rendersInputTemplatesIntoStringAndListCommands() {
        Map<String, Object> input = Map.of("x", "from-input", "n", 7);

        Object viaShell = run(shell("echo ${input.x}-${input.n}"), input).get("stdout");
        Object viaArgv = run(shell(List.of("echo", "${input.x}", "${input.n}")), input).get("stdout");

        assertThat(viaShell).isEqualTo("from-input-7");
        assertThat(viaArgv).isEqualTo("from-input 7");
    }

    @Test
    void keepsInterpolatedValuesDataWhereverTheyStandInAStringCommand(@TempDir Path project) {
        String payload = "hi; touch pwned-1; id `touch pwned-2` $(touch pwned-3) ' \" \\ $HOME";
        String command = "echo ${input.t}; echo \"[${input.t}]\"; echo '<${input.t}>'; echo \"$(echo ${input.t})\"; "
                + "echo `echo \"${input.t}\"`";

        Object stdout = asMap(await(runner.execute(request(shell(command), Map.of("t", payload), 0, project),
                new CancelSignal())).output()).get("stdout");

        assertThat(stdout).isEqualTo(String.join("\n", payload, "[" + payload + "]", "<" + payload + ">", payload,
                payload));
        assertThat(project.resolve("pwned-1")).doesNotExist();
        assertThat(project.resolve("pwned-2")).doesNotExist();
        assertThat(project.resolve("pwned-3")).doesNotExist();
    }

    @Test
    void keepsInterpolatedValuesOutOfTheProcessArguments() {
        Object stdout = run(shell("echo ${input.secret} >/dev/null; tr '\\0' ' ' < /proc/$$/cmdline"),
                Map.of("secret", "sk-live-123")).get("stdout");

        assertThat((String) stdout).startsWith("sh -c").doesNotContain("sk-live-123");
    }

    @Test
    void masksSecretEnvironmentValuesInFailuresFromCastsAndStderr() {
        ComposeException cast = failure(runner.execute(request(shell("echo ${env.TOKEN as integer}"), null),
                new CancelSignal()));
        ComposeException stderr = failure(runner.execute(request(shell("echo \"rejected: ${env.TOKEN}\" >&2; exit 1"),
                null), new CancelSignal()));

        assertThat(cast.getMessage()).contains("to integer").contains("***").doesNotContain("secret-token");
        assertThat(stderr.getMessage()).contains("rejected: ***").doesNotContain("secret-token");
    }

    @Test
    void failsAJobWhoseStdoutPassesTheOutputLimitInsteadOfKeepingItAll() {
        ComposeException error = failure(runner.execute(request(shell("head -c 1500000 /dev/zero | tr '\\0' o"),
                null), new CancelSignal()));

        assertThat(error.getMessage()).isEqualTo("output too large: stdout 1500000 bytes, limit "
                + OutputLimit.DEFAULT_BYTES + " (" + OutputLimit.VARIABLE + ")");
    }

    @Test
    void reportsAnEmptyCommandAsAFailedFuture() {
        ComposeException error = failure(runner.execute(request(shell("  "), null), new CancelSignal()));

        assertThat(error.code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void reportsABadExpressionAsAFailedFuture() {
        ComposeException error = failure(runner.execute(request(shell("echo ${input.x - 1}"), Map.of("x", "abc")),
                new CancelSignal()));

        assertThat(error.code()).isEqualTo(ErrorCode.EXPRESSION);
    }

    @Test
    void reportsAMissingProgramOrFolderClearly(@TempDir Path project) {
        ShellAction missingProgram = shell(List.of("no-such-program-xyz"));
        ShellAction missingDir = new ShellAction("__action__", false, null, "true", "nowhere", null, null, true);

        ComposeException noProgram = failure(runner.execute(request(missingProgram, null, 0, project),
                new CancelSignal()));
        ComposeException noDir = failure(runner.execute(request(missingDir, null, 0, project), new CancelSignal()));

        assertThat(noProgram.code()).isEqualTo(ErrorCode.COMPONENT_FAILED);
        assertThat(noProgram.getMessage()).contains("no-such-program-xyz");
        assertThat(noDir.code()).isEqualTo(ErrorCode.COMPONENT_FAILED);
        assertThat(noDir.getMessage()).contains("nowhere");
    }

    @Test
    void collectsOutputMuchLargerThanAPipeBufferFromBothStreams() {
        Map<String, Object> result = run(shell("head -c 300000 /dev/zero | tr '\\0' o; "
                + "head -c 200000 /dev/zero | tr '\\0' e >&2"), null);

        assertThat((String) result.get("stdout")).hasSize(300_000).matches("o+");
        assertThat((String) result.get("stderr")).hasSize(200_000).matches("e+");
    }

    @Test
    void answersWhenTheShellExitsEvenIfABackgroundChildKeepsItsOutputOpen() {
        Map<String, Object> result = run(shell("echo started; sleep 60 & echo $! >&2; echo done"), null);

        assertThat(result.get("stdout")).isEqualTo("started\ndone");
        long childPid = Long.parseLong((String) result.get("stderr"));
        // the answer came while the child still holds the output open, not once it let go
        assertThat(ProcessHandle.of(childPid)).hasValueSatisfying(child -> {
            assertThat(child.isAlive()).isTrue();
            child.destroyForcibly();
        });
    }
}
