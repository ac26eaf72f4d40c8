package io.modelcompose.systemtests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for a test's servers: one free on the loopback address now (the test binds it right after). */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    public static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
