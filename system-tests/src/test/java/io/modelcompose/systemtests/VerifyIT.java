package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compose-cli verify} at a size that fits CI, as its own process with the embedded broker: 150 runs, a few
 * 6 s jobs among short ones, 2 worker kills and 1 scheduler kill. It exits 0 and its report holds the figures.
 */
class VerifyIT {
    @TempDir
    Path dir;

    @Test
    void aChaosRunLosesNothingDuplicatesNothingUnjustifiedAndKeepsEveryLimit() throws Exception {
        Path report = dir.resolve("report.json");
        Path output = dir.resolve("verify.out");
        List<String> command = new ArrayList<>(RoleProcess.javaCommand());
        command.addAll(List.of("io.modelcompose.cli.ComposeCli", "verify", "--runs", "150", "--rate", "5",
                "--long-jobs", "4", "--long-job-seconds", "6", "--worker-kills", "2", "--scheduler-kills", "1",
                "--gateway-kills", "0", "--seed", "12", "--timeout", "90", "--dir", dir.resolve("set").toString(),
                "--report", report.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        boolean ended = process.waitFor(4, TimeUnit.MINUTES);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String out = Files.readString(output);
        System.err.println(out);

        assertThat(ended).as(out).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        JsonNode json = Api.JSON.readTree(report.toFile());
        assertThat(json.path("accepted").asInt()).isEqualTo(150);
        assertThat(json.path("completed").asInt()).isEqualTo(150);
        assertThat(json.path("lost")).isEmpty();
        assertThat(json.path("unjustifiedDuplicates").asInt()).isZero();
        assertThat(json.path("executions").asInt()).as("two jobs per run, plus re-runs").isGreaterThanOrEqualTo(300);
        assertThat(json.path("kills").path("worker").asInt()).isEqualTo(2);
        assertThat(json.path("kills").path("scheduler").asInt()).isEqualTo(1);
        assertThat(json.path("limits")).hasSize(2).allSatisfy(limit ->
                assertThat(limit.path("peak").asInt()).as("%s", limit).isBetween(1, limit.path("limit").asInt()));
        assertThat(json.path("recoveryMillis")).singleElement().satisfies(ms ->
                assertThat(ms.asLong()).isBetween(0L, 2_000L + json.path("leaseMillis").asLong()));
        assertThat(json.path("passed").asBoolean()).isTrue();
    }
}
