package io.modelcompose.testkit.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 condition for browser tests (use {@link RequiresBrowser}): they need Debian's {@code chromium} and
 * {@code chromium-driver} ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; the system properties
 * {@code compose.chromium} and {@code compose.chromedriver} name others). Nothing is downloaded. Without them the tests
 * are skipped with one line saying why; with {@code COMPOSE_REQUIRE_BROWSER=1} they fail instead.
 */
public final class BrowserTestSupport implements ExecutionCondition {
    public static final String REQUIRE_ENV = "COMPOSE_REQUIRE_BROWSER";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return decide(unavailableReason(chromium(), chromedriver()), System.getenv(REQUIRE_ENV));
    }

    /** The browser binary. */
    public static Path chromium() {
        return Path.of(System.getProperty("compose.chromium", "/usr/bin/chromium"));
    }

    /** The WebDriver binary that drives it. */
    public static Path chromedriver() {
        return Path.of(System.getProperty("compose.chromedriver", "/usr/bin/chromedriver"));
    }

    /** Run when the browser is there; else skip, or fail when {@code requireBrowser} is "1". */
    static ConditionEvaluationResult decide(String unavailableReason, String requireBrowser) {
        if (unavailableReason == null) {
            return ConditionEvaluationResult.enabled("chromium and chromedriver present");
        }
        if ("1".equals(requireBrowser)) {
            throw new IllegalStateException(REQUIRE_ENV + "=1 but " + unavailableReason);
        }
        String line = unavailableReason + "; set " + REQUIRE_ENV + "=1 to fail instead of skip";
        System.err.println("[browser tests skipped] " + line);
        return ConditionEvaluationResult.disabled(line);
    }

    /** Null when both binaries can be run, else which one is missing. */
    static String unavailableReason(Path browser, Path driver) {
        for (Path binary : new Path[] {browser, driver}) {
            if (!Files.isExecutable(binary)) {
                return "no executable " + binary + " (apt-get install chromium chromium-driver)";
            }
        }
        return null;
    }
}
