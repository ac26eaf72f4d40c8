package io.modelcompose.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.cli.up.ServiceSet;
import io.modelcompose.testkit.browser.RequiresBrowser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** With the gateway's API token set, the web UI asks for it, then sends it: the workflows and the live list load. */
@RequiresBrowser
class WebUiTokenBrowserIT {
    @TempDir
    Path dir;

    @Test
    void asksForTheTokenThenUsesIt() throws Exception {
        int uiPort = LoopbackPorts.free();
        ItProject project = ItProject.create(dir, "  api_token: s3cret-t0ken\n  webui:\n    port: " + uiPort + "\n", """
                workflow:
                  title: Guarded
                  jobs:
                    - component: shell
                      command: echo guarded
                """);
        try (InJvmRoles roles = new InJvmRoles()) {
            ServiceSet set = roles.deploy(project, project.config(), 10_000, ServiceSet.Role.SCHEDULER,
                    ServiceSet.Role.WORKER, ServiceSet.Role.GATEWAY);
            assertThat(new Api(set.gatewayPort()).get("/workflows").status()).isEqualTo(401);
            try (Browser browser = new Browser(uiPort)) {
                browser.open("#/workflows");
                assertThat(browser.find("#token-form").getText()).contains("API token");
                browser.screenshot("token");

                browser.find("#token-input").sendKeys("s3cret-t0ken");
                browser.find("#token-form button").click();

                browser.waitFor(d -> d.findElements(By.cssSelector("#workflow-title")).size() == 1);
                assertThat(browser.find("#workflow-title").getText()).isEqualTo("Guarded");
                browser.waitFor(d -> "live".equals(d.findElement(By.id("conn")).getText()));
            }
        }
    }
}
