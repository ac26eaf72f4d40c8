package io.modelcompose.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.modelcompose.transport.metrics.MeterRegistries;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    @Test
    void composeMetricsOffTurnsEverythingOff() {
        for (String off : new String[] {"off", "OFF", "false", "0", "no"}) {
            assertThat(Telemetry.enabledBy(Map.of(Telemetry.SWITCH_ENV, off))).as(off).isFalse();
        }
        assertThat(Telemetry.enabledBy(Map.of())).isTrue();
        assertThat(Telemetry.enabledBy(Map.of(Telemetry.SWITCH_ENV, "on"))).isTrue();

        try (Telemetry telemetry = Telemetry.fromEnv(Map.of(Telemetry.SWITCH_ENV, "off"))) {
            assertThat(telemetry.enabled()).isFalse();
            assertThat(telemetry.prometheus()).isNull();
            assertThat(MeterRegistries.isNoop(telemetry.registry())).isTrue();
            Counter counter = Counter.builder("compose.test").register(telemetry.registry());
            counter.increment();
            assertThat(counter.count()).as("a counter that keeps nothing").isZero();
        }
    }

    @Test
    void keepsOnlyTheUsefulKafkaConsumerMeters() {
        assertThat(Telemetry.unwantedKafkaMeter(id("kafka.consumer.fetch.manager.records.lag.max"))).isFalse();
        assertThat(Telemetry.unwantedKafkaMeter(id("kafka.consumer.coordinator.commit.latency.avg"))).isFalse();
        assertThat(Telemetry.unwantedKafkaMeter(id("kafka.consumer.successful.authentication.total"))).isTrue();
        assertThat(Telemetry.unwantedKafkaMeter(id("compose.runs.started"))).isFalse();
    }

    @Test
    void metricsPortServesJvmAndHttpServerSeriesLabelledByRouteNotPath() throws Exception {
        try (Telemetry telemetry = Telemetry.on()) {
            Vertx vertx = telemetry.createVertx(new VertxOptions());
            try {
                HttpServer server = await(MetricsServer.start(vertx, telemetry.prometheus(), "127.0.0.1", 0));
                HttpResponse<String> health = get(server.actualPort(), "/health");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");

                HttpResponse<String> metrics = get(server.actualPort(), "/metrics");

                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.headers().firstValue("Content-Type"))
                        .hasValue("text/plain; version=0.0.4; charset=utf-8");
                assertThat(metrics.body()).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads ",
                        "system_cpu_count ", "jvm_gc_", "vertx_http_server_requests_total{code=\"200\",method=\"GET\","
                                + "route=\"/health\"} 1.0")
                        .doesNotContain("path=\"");
            } finally {
                await(vertx.close());
            }
        }
    }

    private static Meter.Id id(String name) {
        return new Meter.Id(name, Tags.empty(), null, null, Meter.Type.GAUGE);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
