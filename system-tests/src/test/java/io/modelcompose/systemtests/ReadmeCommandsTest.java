package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeCommandsTest {
    @Test
    void joinsContinuationsAndDropsCommentsButNotHashesInQuotes(@TempDir Path dir) throws IOException {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, """
                # title
                ```sh
                ../../compose-cli up                      # terminal 1 (or up -d)
                curl -s 127.0.0.1:8080/api/workflows/runs -H 'Content-Type: application/json' \\
                     -d '{"input": {"text": "#1"}}'    # terminal 2

                ```
                text
                ```yaml
                not: a command
                ```
                ```sh
                ../../compose-cli down
                ```
                """);

        assertThat(ReadmeCommands.blocks(readme)).containsExactly(
                List.of("../../compose-cli up", "curl -s 127.0.0.1:8080/api/workflows/runs -H 'Content-Type: "
                        + "application/json' -d '{\"input\": {\"text\": \"#1\"}}'"),
                List.of("../../compose-cli down"));
    }
}
