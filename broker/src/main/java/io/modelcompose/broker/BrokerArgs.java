package io.modelcompose.broker;

import java.nio.file.Path;

/**
 * Command line of {@link BrokerMain}:
 * {@code --data-dir DIR [--port P] [--controller-port P] [--no-stdin-watch] [--exit-when-ready]}.
 * A port of 0 or no port means "the port of the previous run if free, else any free port". With
 * {@code --exit-when-ready} the broker shuts down right after its READY line: a training run that records the classes
 * a start loads (a class-data archive for later starts).
 */
record BrokerArgs(Path dataDir, int port, int controllerPort, boolean watchStdin, boolean exitWhenReady) {
    static final String USAGE = "usage: BrokerMain --data-dir DIR [--port P] [--controller-port P] [--no-stdin-watch]"
            + " [--exit-when-ready]";

    static BrokerArgs parse(String... args) {
        Path dataDir = null;
        int port = 0;
        int controllerPort = 0;
        boolean watchStdin = true;
        boolean exitWhenReady = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                case "--port" -> port = port(value(args, ++i, "--port"));
                case "--controller-port" -> controllerPort = port(value(args, ++i, "--controller-port"));
                case "--no-stdin-watch" -> watchStdin = false;
                case "--exit-when-ready" -> exitWhenReady = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir is required");
        }
        return new BrokerArgs(dataDir, port, controllerPort, watchStdin, exitWhenReady);
    }

    NodeOptions nodeOptions() {
        return NodeOptions.of(dataDir).withPorts(port, controllerPort);
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static int port(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("port out of range: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port: " + text, e);
        }
    }
}
