package io.modelcompose.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The two loopback ports of a node. They are remembered in the data dir so that a restart can reuse them. */
record NodePorts(int broker, int controller) {
    static final String FILE_NAME = "ports.properties";
    private static final String BROKER_KEY = "port";
    private static final String CONTROLLER_KEY = "controller.port";

    /** Wanted ports (> 0) win; otherwise the remembered port if it is still free; otherwise any free port. */
    static NodePorts choose(Path dataDir, int wantedBroker, int wantedController) {
        NodePorts remembered = read(dataDir);
        List<ServerSocket> held = new ArrayList<>();
        try {
            int broker = resolve(wantedBroker, remembered.broker(), wantedController, held);
            int controller = resolve(wantedController, remembered.controller(), broker, held);
            return new NodePorts(broker, controller);
        } finally {
            held.forEach(NodePorts::closeQuietly);
        }
    }

    void save(Path dataDir) {
        Properties props = new Properties();
        props.setProperty(BROKER_KEY, Integer.toString(broker));
        props.setProperty(CONTROLLER_KEY, Integer.toString(controller));
        try (Writer out = Files.newBufferedWriter(dataDir.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            props.store(out, "ports of the last run, reused when free");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataDir.resolve(FILE_NAME), e);
        }
    }

    static NodePorts read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new NodePorts(0, 0);
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
            return new NodePorts(parse(props, BROKER_KEY), parse(props, CONTROLLER_KEY));
        } catch (IOException e) {
            return new NodePorts(0, 0);
        }
    }

    private static int resolve(int wanted, int remembered, int taken, List<ServerSocket> held) {
        if (wanted > 0) {
            return wanted;
        }
        if (remembered > 0 && remembered != taken) {
            ServerSocket socket = tryBind(remembered);
            if (socket != null) {
                held.add(socket);
                return remembered;
            }
        }
        ServerSocket socket = tryBind(0);
        if (socket == null) {
            throw new IllegalStateException("no free loopback port");
        }
        held.add(socket);
        return socket.getLocalPort();
    }

    private static ServerSocket tryBind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            try {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return socket;
            } catch (IOException e) {
                closeQuietly(socket);
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static int parse(Properties props, String key) {
        try {
            int value = Integer.parseInt(props.getProperty(key, "0").trim());
            return value > 0 && value <= 65_535 ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing held any more
        }
    }
}
