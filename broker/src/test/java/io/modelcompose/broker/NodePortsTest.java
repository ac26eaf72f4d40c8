package io.modelcompose.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodePortsTest {
    @TempDir
    Path dataDir;

    @Test
    void picksTwoDistinctFreePortsForAFreshFolder() {
        NodePorts ports = NodePorts.choose(dataDir, 0, 0);

        assertThat(ports.broker()).isPositive();
        assertThat(ports.controller()).isPositive().isNotEqualTo(ports.broker());
    }

    @Test
    void reusesTheRememberedPortsWhenTheyAreFree() {
        NodePorts first = NodePorts.choose(dataDir, 0, 0);
        first.save(dataDir);

        assertThat(NodePorts.choose(dataDir, 0, 0)).isEqualTo(first);
    }

    @Test
    void movesToAnotherPortWhenTheRememberedOneIsTaken() throws IOException {
        NodePorts first = NodePorts.choose(dataDir, 0, 0);
        first.save(dataDir);

        try (ServerSocket squatter = new ServerSocket(first.broker(), 1, InetAddress.getLoopbackAddress())) {
            NodePorts second = NodePorts.choose(dataDir, 0, 0);

            assertThat(second.broker()).isNotEqualTo(squatter.getLocalPort());
            assertThat(second.controller()).isEqualTo(first.controller());
        }
    }

    @Test
    void wantedPortsWinOverRememberedOnes() {
        new NodePorts(40_001, 40_002).save(dataDir);

        assertThat(NodePorts.choose(dataDir, 40_011, 40_012)).isEqualTo(new NodePorts(40_011, 40_012));
    }

    @Test
    void ignoresAnUnreadablePortsFile() throws IOException {
        Files.writeString(dataDir.resolve(NodePorts.FILE_NAME), "port=banana\ncontroller.port=99999\n");

        assertThat(NodePorts.read(dataDir)).isEqualTo(new NodePorts(0, 0));
    }
}
