package io.modelcompose.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller in the seed's shape, the adapter shape, and defaults. */
class ControllerBindingTest {
    @TempDir
    Path dir;

    private ControllerConfig controller(String yaml) {
        return new TempProject(dir).file("model-compose.yml", yaml).load().controller();
    }

    @Test
    void usesDefaultsWithoutController() {
        ControllerConfig controller = controller("workflows: []\n");
        assertThat(controller.type()).isEqualTo("http-server");
        assertThat(controller.host()).isEqualTo("127.0.0.1");
        assertThat(controller.port()).isEqualTo(8080);
        assertThat(controller.basePath()).isEmpty();
        assertThat(controller.maxConcurrentCount()).isZero();
        assertThat(controller.broker()).isNull();
        assertThat(controller.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(controller.runtime()).isEqualTo(RuntimeConfig.NATIVE);
    }

    @Test
    void readsTheSeedShapeWithBroker() {
        ControllerConfig controller = controller("""
                controller:
                  name: demo
                  type: http-server
                  host: 0.0.0.0
                  port: 9000
                  base_path: api/
                  shutdown_timeout: 10s
                  broker: { bootstrap_servers: [ "k1:9092", "k2:9092" ], topic_prefix: demo }
                """);
        assertThat(controller.name()).isEqualTo("demo");
        assertThat(controller.host()).isEqualTo("0.0.0.0");
        assertThat(controller.port()).isEqualTo(9000);
        assertThat(controller.basePath()).isEqualTo("/api");
        assertThat(controller.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(controller.broker()).isEqualTo(new BrokerConfig("k1:9092,k2:9092", "demo"));
    }

    @Test
    void readsTheApiTokenFromTheEnvironment() {
        ControllerConfig controller = controller("""
                controller:
                  api_token: ${env.MY_TOKEN | s3cret}
                """);
        assertThat(controller.apiToken()).isEqualTo("s3cret");
        assertThat(controller("workflows: []\n").apiToken()).isNull();
    }

    @Test
    void readsTheAdapterShape() {
        ControllerConfig controller = controller("""
                controller:
                  adapter: { type: http-server, host: 0.0.0.0, port: 8181, base_path: /v1 }
                """);
        assertThat(controller.host()).isEqualTo("0.0.0.0");
        assertThat(controller.port()).isEqualTo(8181);
        assertThat(controller.basePath()).isEqualTo("/v1");
        assertThat(controller.broker()).isNull();
    }

    @Test
    void rejectsSettingsWrittenInBothShapes() {
        new TempProject(dir).file("model-compose.yml", """
                controller:
                  port: 1
                  adapters: [ { port: 2 } ]
                """);
        assertThat(new TempProject(dir).problems()).containsExactly(
                "model-compose.yml:2: controller.port: 'port' is written both on the controller and in its adapter");
    }
}
