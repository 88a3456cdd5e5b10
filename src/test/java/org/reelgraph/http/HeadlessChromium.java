package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;

/**
 * Debian's headless Chromium for browser tests, driven by Selenium through Debian's chromedriver. Both are
 * named by path so that Selenium Manager (which would go to the network) never runs. Without Chromium a test
 * is skipped, except in CI ({@code CI=true}), where it fails. Chromium's network events are logged, so a test
 * can list every URL the page asked for.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** Starts Chromium with a fresh profile in {@code temp}, or skips the test (fails it in CI) without Chromium. */
    static HeadlessChromium start(Path temp) throws IOException {
        requireChromium();
        Path profile = Files.createDirectories(temp.resolve("profile"));
        // Chromium leaves /tmp/org.chromium.Chromium.* behind; keep them in the test's temporary directory.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of("TMPDIR", temp.toString()))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Without the background-networking flags Chromium tries Google's hosts at every start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
        try {
            return new HeadlessChromium(service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Loads {@code page}; {@link #requestedUrls()} then lists what it asked for, not Chromium's start page. */
    void open(URI page) {
        requestedUrls();
        driver.get(page.toString());
    }

    /** Every URL the browser has requested since the last call (Network.requestWillBeSent in the performance log). */
    List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get("performance")) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if ("Network.requestWillBeSent".equals(message.path("method").asText()))
                    urls.add(message.at("/params/request/url").asText());
            } catch (IOException e) {
                throw new UncheckedIOException("Chromium's performance log entry is not JSON: " + entry.getMessage(), e);
            }
        }
        return urls;
    }

    /** Saves a PNG of {@code what} (the page's viewport, or one element) as {@code target/screenshots/NAME.png}. */
    Path screenshot(TakesScreenshot what, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        return Files.write(SCREENSHOTS.resolve(name + ".png"), what.getScreenshotAs(OutputType.BYTES));
    }

    Path screenshot(String name) throws IOException {
        return screenshot(driver, name);
    }

    /** As {@link #screenshot(String)}, with the window made as tall as the page (up to 5000 px) for the shot. */
    Path screenshotWholePage(String name) throws IOException {
        Dimension window = driver.manage().window().getSize();
        long page = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        long viewport = ((Number) driver.executeScript("return window.innerHeight")).longValue();
        int height = (int) Math.min(5000, window.getHeight() + Math.max(0, page - viewport));
        driver.manage().window().setSize(new Dimension(window.getWidth(), height));
        try {
            driver.executeScript("window.scrollTo(0, 0)");
            return screenshot(driver, name);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }

    private static void requireChromium() {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        String message = "headless Chromium test needs " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            if (!present)
                fail(message);
        } else {
            Assumptions.assumeTrue(present, message);
        }
    }
}
