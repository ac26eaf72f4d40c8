package io.modelcompose.cli.broker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A stand-in for the CLI in {@link EmbeddedBrokerProcessIT}: starts the broker child, prints
 * {@code BROKER_PID <pid>} and then waits for its own stdin to end (the test kills it before that).
 */
public final class BrokerParentMain {
    static final String PID_PREFIX = "BROKER_PID ";

    private BrokerParentMain() {
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args[0]);
        Path libDir = Path.of(args[1]);
        try (EmbeddedBrokerProcess broker = EmbeddedBrokerProcess.start(dataDir, libDir, Duration.ofSeconds(60))) {
            System.out.println(PID_PREFIX + broker.pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for end-of-file
            }
        }
    }
}
