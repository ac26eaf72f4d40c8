package io.modelcompose.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortCheckTest {
    @Test
    void aTakenPortIsNamedWithTheProcessThatHoldsIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> PortCheck.ensureFree("127.0.0.1", port, "m.yml:2: controller.port",
                    PortHolders.ofThisHost()))
                    .isInstanceOfSatisfying(ComposeException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
                        assertThat(e.getMessage()).startsWith("m.yml:2: controller.port: cannot listen on 127.0.0.1:"
                                + port).contains("in use").contains("held by pid " + ProcessHandle.current().pid());
                    });
        }
    }

    @Test
    void aFreePortPassesAndStaysFree() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        PortCheck.ensureFree("127.0.0.1", port, "controller.port", PortHolders.ofThisHost());

        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void readsListeningSocketsOfBothTablesAndIgnoresOtherStates(@TempDir Path proc) throws IOException {
        Files.createDirectories(proc.resolve("net"));
        String header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
        Files.writeString(proc.resolve("net/tcp"), header
                + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4711 1\n"
                + "   1: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 4712 1\n"
                + "   2: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4713 1\n");
        Files.writeString(proc.resolve("net/tcp6"), header
                + "   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A "
                + "00000000:00000000 00:00000000 00000000  1000        0 4714 1\n");
        Path process = Files.createDirectories(proc.resolve("321/fd"));
        Files.createSymbolicLink(process.resolve("7"), Path.of("socket:[4714]"));
        Files.write(proc.resolve("321/cmdline"), "java\0-jar\0app.jar\0".getBytes());

        PortHolders holders = new PortHolders(proc);

        assertThat(holders.listeningInodes(8080)).containsExactlyInAnyOrder("4711", "4714");
        assertThat(holders.holderOf(8080)).hasValue("pid 321: java -jar app.jar");
        assertThat(holders.holderOf(8081)).isEmpty();
    }
}
