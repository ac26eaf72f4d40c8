package io.modelcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ps} of the native runtime prints one table whose columns line up (issue #16). */
class PsCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void nativeProject() throws IOException {
        Files.writeString(dir.resolve("model-compose.yml"), """
                workflow:
                  jobs:
                    - { id: log, component: logger }
                """);
        Files.createDirectories(dir.resolve(".compose"));
    }

    @Test
    void theRowOfARunningUpLinesUpWithTheHeader() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        // this test JVM stands in for the up process; nothing answers on the port any more
        Files.writeString(dir.resolve(".compose/up.pid"), Long.toString(ProcessHandle.current().pid()));
        Files.writeString(dir.resolve(".compose/up.port"), Integer.toString(closedPort));

        CliResult result = CliResult.run("--project-directory", dir.toString(), "ps");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).split(" +")).containsExactly("compose", "running",
                Long.toString(ProcessHandle.current().pid()), Integer.toString(closedPort), "unreachable",
                "unreachable");
        assertColumnsLineUp(lines.get(0), lines.get(1));
    }

    @Test
    void aStoppedProjectShowsOneAlignedRow() {
        CliResult result = CliResult.run("--project-directory", dir.toString(), "ps");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(1).split(" +")).containsExactly("compose", "stopped", "-", "-", "-", "-");
        assertColumnsLineUp(lines.get(0), lines.get(1));
    }

    /** Each header word starts where the row's cell in that column starts. */
    private static void assertColumnsLineUp(String header, String row) {
        List<Integer> headerStarts = starts(header);
        assertThat(starts(row)).as("column starts of%n%s%n%s", header, row).isEqualTo(headerStarts);
    }

    private static List<Integer> starts(String line) {
        List<Integer> starts = new java.util.ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != ' ' && (i == 0 || line.charAt(i - 1) == ' ')) {
                starts.add(i);
            }
        }
        return starts;
    }
}
