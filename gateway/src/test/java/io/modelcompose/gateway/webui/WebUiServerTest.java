package io.modelcompose.gateway.webui;

import io.modelcompose.shared.event.AttemptId;
import static io.modelcompose.gateway.GatewayHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.gateway.GatewayOptions;
import io.modelcompose.gateway.GatewayVerticle;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.ControllerConfig;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.config.WebUiConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The web UI server over real HTTP on loopback: the page from the jar, the API on its origin, the live routes. */
@ExtendWith(VertxExtension.class)
class WebUiServerTest {
    private static final long PAGE_WEIGHT_LIMIT = 300 * 1024;
    @TempDir
    Path dir;

    private record Started(GatewayVerticle gateway, WebClient ui, FakeLiveBackend backend) {
    }

    private Started start(Vertx vertx, String yaml, String driver) throws IOException {
        Path file = dir.resolve("model-compose.yml");
        Files.writeString(file, yaml);
        ComposeConfig loaded = ConfigLoader.load(new LoadRequest(List.of(file), List.of(), Map.of(), Map.of(), dir));
        ControllerConfig c = loaded.controller();
        ControllerConfig controller = new ControllerConfig(c.name(), c.type(), "127.0.0.1", 0, c.basePath(), 0,
                false, c.runtime(), null, c.shutdownTimeout(), c.location(), c.apiToken())
                .withWebUi(new WebUiConfig(driver, "127.0.0.1", 0, "site", null));
        ComposeConfig config = new ComposeConfig(controller, loaded.components(), loaded.workflows(),
                loaded.loggers(), loaded.env(), loaded.files());
        FakeLiveBackend backend = new FakeLiveBackend(vertx);
        GatewayVerticle gateway = new GatewayVerticle(config, backend, GatewayOptions.defaults());
        await(vertx.deployVerticle(gateway));
        return new Started(gateway, WebClient.create(vertx), backend);
    }

    private static final String PROJECT = """
            controller:
              name: demo <b>x</b>
              base_path: /api
            workflows:
              - id: hello
                title: Hello <script>alert(1)</script>
                jobs:
                  - component: shell
                    command: echo ${input.name as text}
            """;

    private HttpResponse<Buffer> get(Started s, String path) {
        return await(s.ui().get(s.gateway().webUiPort(), "127.0.0.1", path).send());
    }

    @Test
    void servesEveryAssetOfThePageFromTheJarUnder300Kb(Vertx vertx) throws IOException {
        Started s = start(vertx, PROJECT, "gradio");
        HttpResponse<Buffer> index = get(s, "/");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.getHeader("Content-Type")).startsWith("text/html");
        assertThat(index.getHeader("Content-Security-Policy")).contains("script-src 'self'");
        long total = index.body().length();
        for (String asset : List.of("/app.js", "/api.js", "/dom.js", "/forms.js", "/render.js", "/markdown.js",
                "/workflows.js", "/tasks.js", "/timeline.js", "/cluster.js", "/app.css")) {
            HttpResponse<Buffer> file = get(s, asset);
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.getHeader("Content-Type")).as(asset)
                    .startsWith(asset.endsWith(".css") ? "text/css" : "text/javascript");
            total += file.body().length();
        }
        assertThat(total).as("page weight").isLessThan(PAGE_WEIGHT_LIMIT);
        assertThat(s.gateway().webUiPort()).isNotEqualTo(s.gateway().actualPort());
    }

    @Test
    void thePageReachesTheApiOnItsOwnOrigin(Vertx vertx) throws IOException {
        Started s = start(vertx, PROJECT, "gradio");

        JsonObject config = get(s, "/ui/config").bodyAsJsonObject();
        JsonArray workflows = get(s, "/api/workflows?include_schema=true").bodyAsJsonArray();

        assertThat(config.getString("api_base")).isEqualTo("/api");
        assertThat(config.getString("name")).isEqualTo("demo <b>x</b>");
        assertThat(workflows.getJsonObject(0).getString("title")).isEqualTo("Hello <script>alert(1)</script>");
        assertThat(workflows.getJsonObject(0).getJsonArray("input").getJsonObject(0))
                .isEqualTo(new JsonObject().put("name", "name").put("type", "text").put("is_list", false));
        HttpResponse<Buffer> missing = get(s, "/nothing-here.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.bodyAsJsonObject().fieldNames()).containsExactly("detail");
    }

    @Test
    void withAnApiTokenThePageLoadsAndEverythingWithRunDataNeedsTheToken(Vertx vertx) throws IOException {
        Started s = start(vertx, PROJECT.replace("  base_path: /api\n", "  base_path: /api\n  api_token: s3cret\n"),
                "gradio");

        assertThat(get(s, "/").statusCode()).isEqualTo(200);
        assertThat(get(s, "/app.js").statusCode()).isEqualTo(200);
        assertThat(get(s, "/ui/config").bodyAsJsonObject().getBoolean("token_required")).isTrue();
        for (String path : List.of("/ui/events", "/ui/cluster", "/ui/runs/r1/timeline", "/api/workflows")) {
            assertThat(get(s, path).statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<Buffer> withToken = await(s.ui().get(s.gateway().webUiPort(), "127.0.0.1", "/api/workflows")
                .putHeader("Authorization", "Bearer s3cret").send());
        assertThat(withToken.statusCode()).isEqualTo(200);
    }

    @Test
    void theStaticDriverServesTheProjectsFolderInstead(Vertx vertx) throws IOException {
        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("site/index.html"), "<p>my own page</p>");
        Started s = start(vertx, PROJECT, "static");

        assertThat(get(s, "/").bodyAsString()).isEqualTo("<p>my own page</p>");
        assertThat(get(s, "/app.js").statusCode()).isEqualTo(404);
        assertThat(get(s, "/api/workflows").statusCode()).isEqualTo(200);
    }

    @Test
    void theTaskStreamSendsRecentRunsThenEachChange(Vertx vertx) throws IOException {
        Started s = start(vertx, PROJECT, "gradio");
        s.backend().publish(RunSnapshot.pending("r1", "hello", null, 1_000));
        try (Socket socket = new Socket("127.0.0.1", s.gateway().webUiPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /ui/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(readUntil(in, "\"task_id\":\"r1\"")).contains("text/event-stream")
                    .contains("event: tasks\ndata: [{\"task_id\":\"r1\",\"status\":\"pending\"");

            s.backend().publish(new RunSnapshot("r1", "hello", RunStatus.COMPLETED, "<script>", null, null, 1_000,
                    1_250));
            String change = readUntil(in, "\"status\":\"completed\"");
            assertThat(change).contains("\"elapsed\":250").doesNotContain("<script>");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> s.backend().listenerCount() == 0);
    }

    /** Lines read up to the first that contains {@code marker}, joined (chunk sizes are hex lines of their own). */
    private static String readUntil(BufferedReader in, String marker) throws IOException {
        StringBuilder read = new StringBuilder();
        for (int lines = 0; lines < 200; lines++) {
            String line = in.readLine();
            if (line == null) {
                break;
            }
            read.append(line).append('\n');
            if (line.contains(marker)) {
                return read.toString();
            }
        }
        throw new AssertionError("no line with " + marker + " in:\n" + read);
    }

    @Test
    void answersATimelineOrA404(Vertx vertx) throws IOException {
        Started s = start(vertx, PROJECT, "gradio");
        s.backend().timelines.dispatched(new AttemptId("r1", "say", 1), "hello", "say", "hello/say", 1_000);
        s.backend().timelines.finished(new AttemptId("r1", "say", 1), "worker-1", true, null, 1_010, 1_050);

        JsonObject timeline = get(s, "/ui/runs/r1/timeline").bodyAsJsonObject();
        HttpResponse<Buffer> unknown = get(s, "/ui/runs/r2/timeline");

        assertThat(timeline.getJsonArray("attempts").getJsonObject(0))
                .isEqualTo(new JsonObject().put("job_id", "say").put("job_key", "say").put("attempt", 1)
                        .put("component", "hello/say").put("worker_id", "worker-1").put("queued_at", 1_000)
                        .put("started_at", 1_010).put("finished_at", 1_050).put("outcome", "completed")
                        .putNull("error"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(get(s, "/ui/cluster").bodyAsJsonObject().getJsonArray("workers").getJsonObject(0)
                .getString("instance_id")).isEqualTo("worker-1");
    }

}
