package io.modelcompose.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelcompose.gateway.FakeRunBackend;
import io.modelcompose.gateway.GatewayHarness;
import io.modelcompose.gateway.GatewayOptions;
import io.modelcompose.gateway.GatewayVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class MetricsRoutesTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void servesPrometheusTextAtTheRootAndUnderTheBasePath(Vertx vertx) {
        Counter.builder("compose.test.things").tag("workflow", "echo").register(registry).increment(3);
        int port = deploy(vertx, registry);

        for (String path : new String[] {"/metrics", GatewayHarness.BASE + "/metrics"}) {
            HttpResponse<Buffer> response = get(vertx, port, path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.getHeader("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            assertThat(response.bodyAsString()).contains("compose_test_things_total{workflow=\"echo\"} 3.0");
        }
    }

    @Test
    void aGatewayWithoutRegistryHasNoMetricsRoute(Vertx vertx) {
        int port = deploy(vertx, null);

        assertThat(get(vertx, port, "/metrics").statusCode()).isEqualTo(404);
    }

    @Test
    void gatewayMetricsCountLiveWorkersAtEachScrape() {
        AtomicLong live = new AtomicLong(2);
        GatewayMetrics metrics = new GatewayMetrics(registry, live::get);
        assertThat(registry.scrape()).contains("compose_workers_live 2.0");

        live.set(0);
        assertThat(registry.scrape()).contains("compose_workers_live 0.0");
        metrics.close();
        assertThat(registry.scrape()).doesNotContain("compose_workers_live");
    }

    private static int deploy(Vertx vertx, PrometheusMeterRegistry registry) {
        GatewayVerticle gateway = new GatewayVerticle(GatewayHarness.config(GatewayHarness.BASE, 0),
                new FakeRunBackend(vertx), GatewayOptions.defaults(), registry);
        GatewayHarness.await(vertx.deployVerticle(gateway));
        return gateway.actualPort();
    }

    private static HttpResponse<Buffer> get(Vertx vertx, int port, String path) {
        return GatewayHarness.await(WebClient.create(vertx).get(port, "127.0.0.1", path).send());
    }
}
