package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Linked Data page in a real browser: Debian's headless Chromium, driven by Selenium through
 * Debian's chromedriver, both named by path so that Selenium Manager (which would go to the network)
 * never runs. Without Chromium the test is skipped, except in CI ({@code CI=true}), where it fails.
 */
class ResourcePageBrowserTest extends AgainstRunningServer {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void filmPageRendersTitleAndDirectorLinkThatLeadsToThePersonPage(@TempDir Path browserTemp) throws IOException {
        requireChromium();
        Path profile = Files.createDirectory(browserTemp.resolve("profile"));
        // Chromium leaves /tmp/org.chromium.Chromium.* behind; keep them in the test's temporary directory.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of("TMPDIR", browserTemp.toString()))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600", "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(server.uri("/id/film/ballerina-2025").toString());

            // Chromium's own Accept header chose the HTML page.
            assertEquals("text/html", ((JavascriptExecutor) driver).executeScript("return document.contentType"));
            assertEquals("From the World of John Wick: Ballerina — reelgraph", driver.getTitle());
            assertEquals("From the World of John Wick: Ballerina", driver.findElement(By.tagName("h1")).getText());
            assertEquals("Type: Film", driver.findElement(By.cssSelector("p.types")).getText());

            WebElement director = driver.findElement(By.cssSelector("#properties a[href='/id/person/len-wiseman']"));
            assertEquals("Len Wiseman", director.getText());
            assertEquals(server.uri("/id/person/len-wiseman").toString(), director.getDomProperty("href"));

            List<WebElement> incoming = driver.findElements(By.cssSelector("#incoming a[href='/id/review/ballerina-2025-review']"));
            assertEquals(1, incoming.size(), "the review points at the film");
            assertTrue(driver.findElement(By.id("sources")).getText().contains("data/john-wick.ttl"));

            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve("film-ballerina-2025.png"), driver.getScreenshotAs(OutputType.BYTES));

            director.click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Len Wiseman"));
            assertEquals(server.uri("/id/person/len-wiseman").toString(), driver.getCurrentUrl());
            assertTrue(driver.findElement(By.id("incoming")).getText().contains("From the World of John Wick: Ballerina"));
        } finally {
            driver.quit();
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
