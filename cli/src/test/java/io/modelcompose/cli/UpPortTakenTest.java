package io.modelcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.cli.runtime.ExitCodes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code up} on a taken port: one line naming it, exit 2, and nothing started (no broker folder). */
class UpPortTakenTest {
    private static final String CONFIG = """
            controller:
              type: http-server
              port: ${env.PORT}
            workflow:
              jobs:
                - id: a
                  component: logger
            """;

    @Test
    void upOnATakenPortExitsTwoBeforeTheBrokerStarts(@TempDir Path project) throws IOException {
        Files.writeString(project.resolve("model-compose.yml"), CONFIG);
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            for (String[] command : new String[][] {{"up"}, {"up", "-d"}}) {
                CliResult result = CliResult.run(concat(command, "--project-directory", project.toString(),
                        "-e", "PORT=" + port));

                assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
                assertThat(result.err()).containsPattern("model-compose.yml:\\d+: controller.port: cannot listen on "
                        + "127.0.0.1:" + port).contains("held by pid " + ProcessHandle.current().pid())
                        .doesNotContain("\tat ").hasLineCount(1);
                assertThat(project.resolve(".compose/kafka")).doesNotExist();
                assertThat(project.resolve(".compose/up.log")).doesNotExist();
            }
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
