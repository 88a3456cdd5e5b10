package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Linked Data page in a real browser (see {@link HeadlessChromium}). */
class ResourcePageBrowserTest extends AgainstRunningServer {
    @Test
    void filmPageRendersTitleAndDirectorLinkThatLeadsToThePersonPage(@TempDir Path browserTemp) throws IOException {
        try (HeadlessChromium chromium = HeadlessChromium.start(browserTemp)) {
            ChromeDriver driver = chromium.driver();
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

            chromium.screenshot("film-ballerina-2025");

            director.click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Len Wiseman"));
            assertEquals(server.uri("/id/person/len-wiseman").toString(), driver.getCurrentUrl());
            assertTrue(driver.findElement(By.id("incoming")).getText().contains("From the World of John Wick: Ballerina"));
        }
    }
}
