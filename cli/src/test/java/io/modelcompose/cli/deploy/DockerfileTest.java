package io.modelcompose.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcompose.cli.ComposeCli;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.LoadRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The Dockerfile's entry point starts this CLI with the paths the image has, and exposes the gateway's port. */
class DockerfileTest {
    private static final Path ROOT = RepoFiles.root();

    /** The value of an instruction, with continuation lines joined. */
    private static String instruction(String name) throws IOException {
        String text = Files.readString(ROOT.resolve("Dockerfile")).replaceAll("\\\\\\n\\s*", " ");
        return text.lines().filter(l -> l.startsWith(name + " ")).reduce((a, b) -> b)
                .map(l -> l.substring(name.length() + 1).strip())
                .orElseThrow(() -> new AssertionError("no " + name + " in the Dockerfile"));
    }

    private static List<String> execForm(String name) throws IOException {
        return new ObjectMapper().readValue(instruction(name), new TypeReference<List<String>>() { });
    }

    @Test
    void entrypointRunsTheCliWithTheCopiedJarsAndBrokerLibraries() throws Exception {
        List<String> entrypoint = execForm("ENTRYPOINT");
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo(ComposeCli.class.getName());
        String classPath = entrypoint.get(entrypoint.indexOf("-cp") + 1);
        assertThat(classPath.split(":")).containsExactly("/app/compose-cli.jar", "/app/lib/*");
        assertThat(entrypoint).contains("-Dcompose.broker.lib=/app/broker-lib");
        assertThat(dockerfile).contains("/app/lib/").contains("/app/broker-lib/")
                .contains("cli/target/compose-cli.jar").contains("cli/target/lib/").contains("broker/target/lib/");
    }

    @Test
    void defaultCommandIsUpAndTheCliAcceptsIt() throws IOException {
        List<String> cmd = execForm("CMD");

        assertThat(cmd).containsExactly("up");
        CommandLine.ParseResult parsed = new CommandLine(new ComposeCli()).parseArgs(cmd.toArray(String[]::new));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("up");
    }

    @Test
    void exposesThePortTheDeployedConfigListensOn() throws IOException {
        Path config = ROOT.resolve("deploy/base/model-compose.yml");
        int port = ConfigLoader.load(new LoadRequest(List.of(config), List.of(), Map.of(), Map.of(),
                config.getParent())).controller().port();

        assertThat(instruction("EXPOSE")).isEqualTo(Integer.toString(port));
        assertThat(instruction("WORKDIR")).isEqualTo("/project");
        assertThat(instruction("ARG")).startsWith("BASE_IMAGE=");
    }

    @Test
    void buildContextIsLimitedToWhatTheDockerfileCopies() throws IOException {
        List<String> rules = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();

        assertThat(rules.get(0)).isEqualTo("*");
        assertThat(rules.subList(1, rules.size()))
                .containsExactlyInAnyOrder("!Dockerfile", "!cli/target/compose-cli.jar", "!cli/target/lib/",
                        "!broker/target/lib/");
    }
}
