package io.modelcompose.cli.verify;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The project a verify run deploys, in the folder it owns: a controller on a free loopback port with a run limit, and
 * the ledger workflow: {@code prep} on an unlimited shell component, then {@code work} on one with a component limit,
 * each appending its start and end to {@code ledger.log}.
 *
 * @param dir the folder
 * @param port the gateway's port
 * @param topicPrefix the topics of this run (unique, so an attached cluster's other topics are left alone)
 */
public record VerifyProject(Path dir, int port, String topicPrefix) {
    public static final String WORKFLOW = "ledger";
    public static final String LIMITED_COMPONENT = "limited";
    public static final List<String> LIMITED_JOBS = List.of("work");
    static final String LEDGER = "ledger.log";

    /** Writes {@code model-compose.yml} into {@code dir} (created if needed). */
    public static VerifyProject write(VerifyOptions options, String bootstrapServers, String topicPrefix) {
        try {
            Path dir = Files.createDirectories(options.dir().toAbsolutePath().normalize());
            Files.deleteIfExists(dir.resolve(LEDGER));
            int port = freePort();
            Files.writeString(dir.resolve("model-compose.yml"), yaml(options, bootstrapServers, topicPrefix, port));
            return new VerifyProject(dir, port, topicPrefix);
        } catch (IOException e) {
            throw new ComposeException(ErrorCode.UNAVAILABLE, "cannot write the verify project in " + options.dir()
                    + ": " + e.getMessage());
        }
    }

    static String yaml(VerifyOptions options, String bootstrapServers, String topicPrefix, int port) {
        String script = Ledger.script(LEDGER).replace("'", "''");
        return "controller:\n"
                + "  type: http-server\n"
                + "  host: 127.0.0.1\n"
                + "  port: " + port + "\n"
                + "  max_concurrent_count: " + options.controllerLimit() + "\n"
                + "  broker:\n"
                + "    bootstrap_servers: \"" + bootstrapServers + "\"\n"
                + "    topic_prefix: " + topicPrefix + "\n"
                + "components:\n"
                + "  - id: free\n"
                + "    type: shell\n"
                + "    command: '" + script + "'\n"
                + "  - id: " + LIMITED_COMPONENT + "\n"
                + "    type: shell\n"
                + "    max_concurrent_count: " + options.componentLimit() + "\n"
                + "    command: '" + script + "'\n"
                + "workflows:\n"
                + "  - id: " + WORKFLOW + "\n"
                + "    default: true\n"
                + "    jobs:\n"
                + "      - id: prep\n"
                + "        component: free\n"
                + "        input:\n"
                + "          seconds: 0.05\n"
                + "      - id: work\n"
                + "        component: " + LIMITED_COMPONENT + "\n"
                + "        depends_on: [prep]\n"
                + "        input:\n"
                + "          seconds: ${input.seconds}\n";
    }

    public Path ledger() {
        return dir.resolve(LEDGER);
    }

    /** The ledger's executions so far (none before the first line). */
    public List<Execution> executions() {
        try {
            return Files.exists(ledger()) ? Ledger.parse(Files.readAllLines(ledger())) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
