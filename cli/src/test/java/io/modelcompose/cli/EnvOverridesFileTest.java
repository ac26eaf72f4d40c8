package io.modelcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.cli.up.EnvOverridesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code up -d} hands {@code -e} values to its child by an owner-only file, never by the child's arguments. */
class EnvOverridesFileTest {
    @TempDir
    Path dir;

    @Test
    void takesEveryFormOfEnvEntryOffTheArgumentsAndIntoAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve(".compose/up-env.properties");
        List<String> args = List.of("-e", "API_KEY=sk-live-1", "-f", "a.yml", "up", "--env", "B=two words",
                "-eC=x=y", "--env=D=multi\nline", "-e", "API_KEY=sk-live-2", "--lease-ms", "900");

        List<String> childArgs = EnvOverridesFile.moveToFile(args, file);

        assertThat(childArgs).containsExactly("-f", "a.yml", "up", "--lease-ms", "900", EnvOverridesFile.OPTION,
                file.toAbsolutePath().toString());
        assertThat(String.join(" ", childArgs)).doesNotContain("sk-live");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(EnvOverridesFile.readOnce(file)).isEqualTo(Map.of("API_KEY", "sk-live-2", "B", "two words",
                "C", "x=y", "D", "multi\nline"));
        assertThat(file).doesNotExist();
    }

    @Test
    void leavesArgumentsWithoutEnvEntriesAsTheyAre() throws Exception {
        Path file = dir.resolve("unused.properties");

        assertThat(EnvOverridesFile.moveToFile(List.of("up", "--kafka", "k:9092", "-v"), file))
                .containsExactly("up", "--kafka", "k:9092", "-v");
        assertThat(file).doesNotExist();
    }

    @Test
    void theChildCommandReadsTheValuesFromTheFile() throws Exception {
        Files.writeString(dir.resolve("model-compose.yml"), "controller:\n  name: ${env.NAME}\nworkflows: []\n");
        List<String> childArgs = EnvOverridesFile.moveToFile(List.of("validate", "-e", "NAME=demo"),
                dir.resolve("env.properties"));
        String[] all = new String[childArgs.size() + 2];
        all[0] = "--project-directory";
        all[1] = dir.toString();
        for (int i = 0; i < childArgs.size(); i++) {
            all[i + 2] = childArgs.get(i);
        }

        CliResult result = CliResult.run(all);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(dir.resolve("env.properties")).doesNotExist();
    }
}
