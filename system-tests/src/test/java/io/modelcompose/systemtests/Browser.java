package io.modelcompose.systemtests;

import io.modelcompose.testkit.browser.BrowserTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian chromium driven through its chromedriver (nothing downloaded), with screenshots under target/. */
final class Browser implements AutoCloseable {
    private static final Path SCREENSHOTS = Path.of("target", "webui-screenshots");
    final ChromeDriver driver;
    private final String base;

    Browser(int port) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserTestSupport.chromedriver().toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserTestSupport.chromium().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        this.driver = new ChromeDriver(service, options);
        this.base = "http://127.0.0.1:" + port;
    }

    /** Opens a page of the UI and waits until its script has shown it. */
    void open(String hash) {
        driver.get(base + "/" + hash);
        try {
            waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        } catch (TimeoutException e) {
            StringBuilder console = new StringBuilder();
            driver.manage().logs().get("browser").forEach(entry -> console.append(entry).append('\n'));
            throw new AssertionError("the page " + hash + " did not get ready; it shows: "
                    + driver.findElement(By.tagName("body")).getText() + "\nbrowser console:\n" + console, e);
        }
    }

    /** Goes to another page of the UI without reloading. */
    void go(String hash) {
        script("location.hash = arguments[0];", hash);
    }

    <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100)).until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves a PNG of the window as target/webui-screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver webDriver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
