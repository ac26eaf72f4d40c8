package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.testkit.browser.RequiresBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tasks page open while the set takes 200 runs a second for 10 s: the live list still ends with the last run
 * completed, and the page still answers. Frame gaps and long tasks are measured and written to
 * {@code target/webui-load-metrics.txt} (a measurement reported in docs/webui.md, not asserted as a time). A
 * benchmark, not part of {@code mvn verify} (it needs the machine to itself): run it with
 * {@code mvn -B verify -pl system-tests -am -Dit.test=WebUiLoadBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@RequiresBrowser
class WebUiLoadBench {
    private static final int RATE = 200;
    private static final int RUNS = 2_000;
    private static final String BODY = """
            workflows:
              - id: log
                jobs:
                  - { id: say, component: logger, input: "${input}" }
            """;
    private static final String MONITOR = """
            window.loadWatch = { maxGap: 0, frames: 0, longTasks: 0, longTaskMillis: 0 };
            let last = performance.now();
            const tick = (t) => { window.loadWatch.maxGap = Math.max(window.loadWatch.maxGap, t - last);
              window.loadWatch.frames++; last = t; requestAnimationFrame(tick); };
            requestAnimationFrame(tick);
            new PerformanceObserver((list) => { for (const e of list.getEntries()) {
              window.loadWatch.longTasks++; window.loadWatch.longTaskMillis += e.duration; } })
              .observe({ type: 'longtask', buffered: false });
            """;

    @TempDir
    Path dir;
    private final InJvmRoles roles = new InJvmRoles();
    private Browser browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        roles.close();
    }

    @Test
    void theLiveTaskListKeepsUpWithTwoHundredRunsASecond() throws Exception {
        int uiPort = LoopbackPorts.free();
        ItProject project = ItProject.create(dir, "  webui:\n    port: " + uiPort + "\n", BODY);
        ServiceSet set = roles.deploy(project, project.config(), 10_000, ServiceSet.Role.SCHEDULER,
                ServiceSet.Role.WORKER, ServiceSet.Role.GATEWAY);
        browser = new Browser(uiPort);
        browser.open("#/tasks");
        browser.script(MONITOR);

        long started = System.nanoTime();
        List<String> ids = submitAtRate(set.gatewayPort());
        double seconds = (System.nanoTime() - started) / 1e9;
        String lastRow = "tr[data-task='" + ids.get(ids.size() - 1) + "'][data-status=completed]";
        long lastSubmitted = System.nanoTime();
        try {
            browser.waitFor(d -> !d.findElements(org.openqa.selenium.By.cssSelector(lastRow)).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the last run is not shown completed; page says: "
                    + browser.find("#task-summary").getText() + "; rows: " + browser.script(
                    "return document.querySelectorAll('#task-rows tr').length") + "; API says: "
                    + new Api(set.gatewayPort()).get("/tasks/" + ids.get(ids.size() - 1)).body(), e);
        }
        long shownAfterMillis = (System.nanoTime() - lastSubmitted) / 1_000_000;

        @SuppressWarnings("unchecked")
        Map<String, Object> watch = (Map<String, Object>) browser.script("return window.loadWatch;");
        String summary = browser.find("#task-summary").getText();
        Files.writeString(Path.of("target", "webui-load-metrics.txt"), String.format(
                "live task list under load: %d runs submitted in %.1f s (%.0f/s)%n"
                        + "last run shown completed %d ms after it was submitted%n"
                        + "frames %s, longest gap between frames %.0f ms, long tasks %s (%.0f ms in all)%n"
                        + "summary: %s%n", ids.size(), seconds, ids.size() / seconds, shownAfterMillis,
                watch.get("frames"), ((Number) watch.get("maxGap")).doubleValue(), watch.get("longTasks"),
                ((Number) watch.get("longTaskMillis")).doubleValue(), summary));

        assertThat(ids).hasSize(RUNS).doesNotHaveDuplicates();
        assertThat(((Number) watch.get("frames")).longValue()).as("the page kept painting").isPositive();
        assertThat(summary).contains("completed").contains("(latest 200 shown)");
    }

    /** Submits {@link #RUNS} runs paced at {@link #RATE} a second; answers their task ids in submission order. */
    private static List<String> submitAtRate(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        long interval = 1_000_000_000L / RATE;
        long next = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += interval;
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/workflows/runs"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"workflow_id\":\"log\",\"input\":" + i
                            + ",\"wait_for_completion\":false}")).build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                return taskId(r.body());
            }));
        }
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<String> answer : answers) {
            ids.add(answer.get(60, TimeUnit.SECONDS));
        }
        return ids;
    }

    private static String taskId(String body) {
        try {
            return Api.JSON.readTree(body).path("task_id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
