package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.testkit.browser.RequiresBrowser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web UI of {@code controller.webui} in a real browser (headless chromium) against the whole set on the embedded
 * broker: a run through the form, a background task seen live, a three-job run's timeline, the cluster panel, a run
 * waiting for a person answered from the page, and workflow titles and outputs with HTML shown as text.
 */
@RequiresBrowser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiBrowserIT {
    private static final String XSS_OUTPUT = "<img src=x onerror=window.xssRan=1><script>window.xssRan=2</script>";
    private static final String BODY = """
            workflows:
              - id: greet
                title: Greet <script>window.xssRan=3</script>
                description: Says hello to whoever you name.
                default: true
                jobs:
                  - id: say
                    component: shell
                    command: echo "hello ${input.name as text}"
                    output: ${stdout.trim()}
              - id: slow
                title: Slow
                jobs:
                  - id: wait
                    component: shell
                    command: sleep 2; cat xss.txt
                    output: ${stdout.trim()}
              - id: fan
                title: Fan out and in
                jobs:
                  - { id: first, component: shell, command: echo one }
                  - { id: slow, component: shell, command: sleep 0.8, depends_on: [ first ] }
                  - { id: quick, component: shell, command: echo quick, depends_on: [ first ] }
                  - { id: last, component: shell, command: echo end, depends_on: [ slow, quick ] }
              - id: review
                title: Reviewed echo
                jobs:
                  - id: check
                    component: shell
                    input: { text: "${input.text}" }
                    command: [ echo, "${input.text}" ]
                    output: ${stdout.trim()}
                    interrupt:
                      before: { message: "approve ${job.input.text}?", metadata: { text: "${job.input.text}" } }
              - id: chain
                title: Three steps
                jobs:
                  - id: first
                    component: shell
                    command: echo one
                  - id: second
                    component: shell
                    command: sleep 0.3; echo two
                  - id: third
                    component: shell
                    command: echo three
            """;
    @TempDir
    static Path dir;
    private final InJvmRoles roles = new InJvmRoles();
    private Api api;
    private Browser browser;
    private int uiPort;

    @BeforeAll
    void deploy() throws Exception {
        uiPort = LoopbackPorts.free();
        Files.writeString(dir.resolve("xss.txt"), XSS_OUTPUT + "\n");
        ItProject project = ItProject.create(dir, "  webui:\n    driver: gradio\n    port: " + uiPort + "\n", BODY);
        ServiceSet set = roles.deploy(project, project.config(), 10_000, ServiceSet.Role.SCHEDULER,
                ServiceSet.Role.WORKER, ServiceSet.Role.GATEWAY);
        api = new Api(set.gatewayPort());
        browser = new Browser(uiPort);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        roles.close();
    }

    @Test
    void runsAWorkflowThroughItsFormAndShowsItsOutput() {
        browser.open("#/workflows/greet");
        assertThat(browser.find("#workflow-title").getText()).isEqualTo("Greet <script>window.xssRan=3</script>");
        assertThat(browser.find("#workflow-panel .description").getText()).isEqualTo("Says hello to whoever you name.");

        browser.find(".field[data-name=name] textarea").sendKeys("ada");
        browser.find("#run-sync").click();

        WebElement output = browser.waitFor(d -> d.findElement(By.id("run-result"))
                .findElements(By.cssSelector("#run-output")).stream().findFirst().orElse(null));
        assertThat(output.getText()).isEqualTo("hello ada");
        assertThat(browser.find("#run-result .badge").getText()).isEqualTo("completed");
        assertThat(browser.script("return window.xssRan === undefined")).isEqualTo(true);
        browser.screenshot("workflows");
    }

    @Test
    void aBackgroundTaskGoesFromProcessingToCompletedWithoutReloading() {
        browser.open("#/tasks");
        browser.script("window.sameDocument = 'yes';");
        String taskId = api.submit("slow", Map.of());
        String row = "tr[data-task='" + taskId + "']";

        browser.waitFor(d -> "processing".equals(statusOf(row)));
        browser.screenshot("tasks-processing");
        browser.waitFor(d -> "completed".equals(statusOf(row)));

        assertThat(browser.script("return window.sameDocument")).as("the page was not reloaded").isEqualTo("yes");
        browser.screenshot("tasks");
        // The live list rebuilds its rows on every update: a row found just before one is gone when clicked.
        browser.waitFor(d -> {
            try {
                d.findElement(By.cssSelector(row + " a")).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        WebElement output = browser.waitFor(d -> d.findElements(By.cssSelector("#task-output")).stream()
                .findFirst().orElse(null));
        assertThat(output.getText()).isEqualTo(XSS_OUTPUT);
        assertThat(output.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.script("return window.xssRan === undefined")).isEqualTo(true);
        browser.screenshot("task-output-as-text");
    }

    @Test
    void aThreeJobRunsTimelineShowsThreeBarsInOrderWithTheirWorkers() {
        browser.open("#/tasks");
        Api.Reply run = api.run(Map.of("workflow_id", "chain"));
        assertThat(run.text("status")).isEqualTo("completed");
        String taskId = run.text("task_id");

        browser.go("#/runs/" + taskId);
        browser.waitFor(d -> d.findElements(By.cssSelector("#gantt .g-row .g-bar.running.outcome-completed")).size() == 3);

        List<WebElement> rows = browser.webDriver().findElements(By.cssSelector("#gantt .g-row"));
        assertThat(rows).extracting(r -> r.getDomAttribute("data-job")).containsExactly("first", "second", "third");
        assertThat(rows).extracting(r -> r.getDomAttribute("data-worker")).allSatisfy(worker ->
                assertThat(worker).startsWith("it-"));
        assertThat(rows).extracting(r -> r.findElement(By.cssSelector(".g-worker")).getText())
                .allSatisfy(text -> assertThat(text).startsWith("it-"));
        List<Double> starts = rows.stream().map(r -> r.findElement(By.cssSelector(".g-bar.running")))
                .map(bar -> Double.parseDouble(bar.getDomAttribute("data-left").replace("%", ""))).toList();
        assertThat(starts).isSorted();
        assertThat(starts.get(2)).isGreaterThan(starts.get(0));
        browser.screenshot("timeline");
    }

    @Test
    void aRunWaitingForAPersonIsAnsweredFromThePage() {
        browser.open("#/workflows/review");
        browser.find(".field[data-name=text] input").sendKeys("xyz");
        browser.find("#run-sync").click();

        WebElement message = browser.waitFor(d -> d.findElements(By.cssSelector("#resume-form .interrupt-message"))
                .stream().findFirst().orElse(null));
        assertThat(message.getText()).isEqualTo("approve xyz?");
        assertThat(browser.find("#resume-form h3").getText()).isEqualTo("Waiting for you (before check)");
        assertThat(browser.find("#run-result .badge").getText()).isEqualTo("interrupted");
        assertThat(browser.find("#resume-form").getText()).contains("text").contains("xyz");
        browser.screenshot("interrupted");
        browser.find("#resume-answer").sendKeys("{\"text\": \"replaced\"}");
        browser.find("#resume-form button[type=submit]").click();

        WebElement output = browser.waitFor(d -> d.findElements(By.cssSelector("#run-output")).stream().findFirst()
                .orElse(null));
        assertThat(output.getText()).isEqualTo("replaced");
        assertThat(browser.find("#run-result .badge").getText()).isEqualTo("completed");
    }

    @Test
    void aRunsTimelineMarksItsCriticalPath() {
        browser.open("#/tasks");
        Api.Reply run = api.run(Map.of("workflow_id", "fan"));
        assertThat(run.text("status")).isEqualTo("completed");

        browser.go("#/runs/" + run.text("task_id"));
        browser.waitFor(d -> d.findElements(By.cssSelector("#gantt .g-row .g-bar.running.outcome-completed")).size() == 4);
        List<WebElement> critical = browser.webDriver().findElements(By.cssSelector("#gantt .g-row.critical"));
        assertThat(critical).extracting(r -> r.getDomAttribute("data-job")).containsExactly("first", "slow", "last");
        assertThat(browser.webDriver().findElement(By.cssSelector("#gantt .g-row[data-job=quick]"))
                .getDomAttribute("data-critical")).isEqualTo("false");
        browser.screenshot("timeline-critical-path");
    }

    @Test
    void theClusterPanelShowsTheLiveWorker() {
        browser.open("#/cluster");
        WebElement workers = browser.waitFor(d -> d.findElements(By.cssSelector("#workers")).stream().findFirst()
                .orElse(null));
        assertThat(workers.getText()).contains("it-");
        assertThat(browser.find("#components").getText()).contains("greet/say");
        browser.screenshot("cluster");
    }

    @Test
    void measuresPageWeightAndFirstPaint() throws IOException {
        browser.open("#/workflows");
        @SuppressWarnings("unchecked")
        Map<String, Object> measured = (Map<String, Object>) browser.script("""
                const paint = performance.getEntriesByType('paint')
                    .find((e) => e.name === 'first-contentful-paint');
                const files = performance.getEntriesByType('navigation')
                    .concat(performance.getEntriesByType('resource'))
                    .filter((e) => /\\.(html|js|css)$|\\/$/.test(new URL(e.name).pathname));
                return { firstPaintMillis: paint ? Math.round(paint.startTime) : -1, files: files.length,
                    bytes: files.reduce((sum, e) => sum + e.decodedBodySize, 0) };
                """);
        long bytes = ((Number) measured.get("bytes")).longValue();
        long firstPaint = ((Number) measured.get("firstPaintMillis")).longValue();
        Files.writeString(Path.of("target", "webui-metrics.txt"), "page weight (all assets, decoded): " + bytes
                + " bytes in " + measured.get("files") + " files\nfirst contentful paint: " + firstPaint + " ms\n");

        assertThat(((Number) measured.get("files")).intValue()).as("index.html, app.css and 10 modules").isEqualTo(12);
        assertThat(bytes).as("page weight").isBetween(10_000L, 300L * 1024);
        assertThat(firstPaint).as("the browser reported a first paint").isPositive();
    }

    private String statusOf(String rowSelector) {
        List<WebElement> rows = browser.webDriver().findElements(By.cssSelector(rowSelector));
        return rows.isEmpty() ? null : rows.get(0).getDomAttribute("data-status");
    }
}
