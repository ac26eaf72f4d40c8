package io.modelcompose.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.config.docker.PortMapping;
import io.modelcompose.shared.config.load.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultPortsTest {
    @TempDir
    Path dir;

    private ComposeConfig load(String controller) throws IOException {
        Files.writeString(dir.resolve("model-compose.yml"), controller + """
                workflow:
                  jobs:
                    - { id: log, component: logger }
                """);
        return ConfigLoader.load(new LoadRequest(List.of(), List.of(), Map.of(), Map.of(), dir));
    }

    private List<PortMapping> ports(ComposeConfig config) {
        return DefaultPorts.apply(config.controller().runtime().docker(), config.controller()).ports();
    }

    @Test
    void withoutWrittenPortsTheApiAndTheWebUiArePublishedOnLoopbackAtTheirOwnPorts() throws IOException {
        ComposeConfig config = load("""
                controller:
                  port: 8080
                  runtime: docker
                  webui: { driver: gradio, port: 8081 }
                """);
        assertThat(ports(config)).containsExactly(new PortMapping("127.0.0.1", 8080, 8080, "tcp", null),
                new PortMapping("127.0.0.1", 8081, 8081, "tcp", null));
    }

    @Test
    void aWrittenHostIsTheHostSideAddressAndWrittenPortsAreKeptAsTheyAre() throws IOException {
        assertThat(ports(load("""
                controller:
                  host: 0.0.0.0
                  port: 9000
                  runtime: docker
                """))).containsExactly(new PortMapping("0.0.0.0", 9000, 9000, "tcp", null));
        assertThat(ports(load("""
                controller:
                  port: 8080
                  runtime: { type: docker, ports: [ "127.0.0.1:5000:8080" ] }
                  webui: { port: 8081 }
                """))).containsExactly(new PortMapping("127.0.0.1", 5000, 8080, "tcp", null));
        assertThat(ports(load("""
                controller:
                  runtime: { type: docker, image: "busybox:local", command: [ sleep, "60" ] }
                """))).as("another image publishes only what is written").isEmpty();
    }
}
