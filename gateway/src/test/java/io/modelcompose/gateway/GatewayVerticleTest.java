package io.modelcompose.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class GatewayVerticleTest {

    @Test
    void failsToStartWhenThePortIsTaken(Vertx vertx) {
        NetServer squatter = GatewayHarness.await(vertx.createNetServer()
                .connectHandler(socket -> socket.close()).listen(0, "127.0.0.1"));
        GatewayVerticle gateway = new GatewayVerticle(
                GatewayHarness.config("", squatter.actualPort()), new FakeRunBackend(vertx), GatewayOptions.defaults());

        Future<String> deployment = vertx.deployVerticle(gateway);

        assertThatThrownBy(() -> GatewayHarness.await(deployment)).hasMessageContaining("in use");
        assertThat(gateway.actualPort()).isEqualTo(-1);
    }

    @Test
    void letsExtensionsAddRoutes(Vertx vertx) {
        GatewayOptions options = GatewayOptions.defaults().withRouterExtension(
                router -> router.get("/metrics").handler(rc -> rc.response().end("runs_started_total 0\n")));
        GatewayHarness harness = GatewayHarness.start(vertx, new FakeRunBackend(vertx), options);

        HttpResponse<Buffer> response = harness.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("runs_started_total 0\n");
    }

    @Test
    void servesTheApiAtTheRootWithoutBasePath(Vertx vertx) {
        GatewayVerticle gateway = new GatewayVerticle(
                GatewayHarness.config(null, 0), new FakeRunBackend(vertx), GatewayOptions.defaults());
        GatewayHarness.await(vertx.deployVerticle(gateway));

        HttpResponse<Buffer> response = GatewayHarness.await(io.vertx.ext.web.client.WebClient.create(vertx)
                .get(gateway.actualPort(), "127.0.0.1", "/workflows").send());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonArray()).hasSize(3);
    }
}
