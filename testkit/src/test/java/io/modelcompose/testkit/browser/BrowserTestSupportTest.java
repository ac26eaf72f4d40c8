package io.modelcompose.testkit.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class BrowserTestSupportTest {

    @Test
    void runsWhenTheBrowserIsThere() {
        assertThat(BrowserTestSupport.decide(null, "1").isDisabled()).isFalse();
    }

    @Test
    void skipsWithTheReasonWhenItIsMissing() {
        ConditionEvaluationResult result = BrowserTestSupport.decide("no executable /x/chromium", null);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason).contains("no executable /x/chromium; set COMPOSE_REQUIRE_BROWSER=1"));
    }

    @Test
    void failsInsteadOfSkippingWhenTheBrowserIsRequired() {
        assertThatThrownBy(() -> BrowserTestSupport.decide("no executable /x/chromium", "1"))
                .hasMessage("COMPOSE_REQUIRE_BROWSER=1 but no executable /x/chromium");
    }

    @Test
    void namesTheMissingBinary() {
        assertThat(BrowserTestSupport.unavailableReason(Path.of("/nonexistent/chromium"), Path.of("/bin/sh")))
                .isEqualTo("no executable /nonexistent/chromium (apt-get install chromium chromium-driver)");
        assertThat(BrowserTestSupport.unavailableReason(Path.of("/bin/sh"), Path.of("/bin/sh"))).isNull();
    }
}
