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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI at {@code /} in a real browser (see {@link HeadlessChromium}): an example query run from
 * YASGUI's editor, the chronology view, and proof that the page asked no host but this server.
 */
class WebUiBrowserTest extends AgainstRunningServer {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void directorsExampleRunFromTheEditorListsLenWisemanLinkedToHisLocalPage(@TempDir Path browserTemp) throws IOException {
        try (HeadlessChromium chromium = HeadlessChromium.start(browserTemp)) {
            ChromeDriver driver = chromium.driver();
            chromium.open(server.uri("/"));
            WebDriverWait wait = new WebDriverWait(driver, WAIT);

            wait.until(ExpectedConditions.attributeToBe(By.id("example-queries"), "data-loaded", "true"));
            new Select(driver.findElement(By.id("example-queries"))).selectByValue("directors");
            assertTrue(driver.findElement(By.id("example-description")).getText().startsWith("Who directed what"));
            String editor = (String) driver.executeScript("return reelgraphYasgui.getTab().getYasqe().getValue()");
            assertTrue(editor.contains("rg:directedBy"), editor);

            driver.findElement(By.cssSelector("#yasgui .yasqe_queryButton")).click();
            By wisemanRow = By.xpath("//div[@id='yasgui']//table//tr[td[contains(., 'Len Wiseman')]]");
            WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(wisemanRow));
            WebElement director = row.findElement(By.cssSelector("a[href='/id/person/len-wiseman']"));
            assertEquals(server.uri("/id/person/len-wiseman").toString(), director.getDomProperty("href"));
            assertTrue(row.getText().contains("Ballerina"), row.getText());
            chromium.screenshotWholePage("ui-sparql");

            // Completers that would ask lov.linkeddata.es are off; the prefix list is the bundled one.
            assertEquals(List.of("variables", "prefixes"),
                    driver.executeScript("return reelgraphYasgui.getTab().getYasqe().config.autocompleters"));
            assertOnlyThisServerWasAsked(chromium, "/yasgui/4.6.2/yasgui.min.js", "/ui/queries.json", "/reelgraph/sparql");

            // YASR cuts long IRIs short; the first activation of a cut cell shows it whole, the next follows the link.
            director.sendKeys(Keys.ENTER);
            wait.until(ExpectedConditions.attributeContains(director.findElement(By.xpath("ancestor::div[1]")), "class", "expanded"));
            director.click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Len Wiseman"));
            assertEquals(server.uri("/id/person/len-wiseman").toString(), driver.getCurrentUrl());
        }
    }

    @Test
    void aSharedLinkBringsItsQueryButNeverItsEndpoint(@TempDir Path browserTemp) throws IOException {
        try (HeadlessChromium chromium = HeadlessChromium.start(browserTemp)) {
            ChromeDriver driver = chromium.driver();
            chromium.open(server.uri("/#query=" + RunningServer.encode("ASK {}") + "&endpoint="
                    + RunningServer.encode("https://dbpedia.org/sparql")));
            new WebDriverWait(driver, WAIT).until(d -> "ASK {}".equals(
                    driver.executeScript("return window.reelgraphYasgui && reelgraphYasgui.getTab().getYasqe().getValue()")));
            assertEquals(server.uri("/reelgraph/sparql").toString(),
                    driver.executeScript("return reelgraphYasgui.getTab().getEndpoint()"));
        }
    }

    @Test
    void johnWickChronologyShowsBallerinaBetweenChapterThreeAndFourInStoryOrderAndLastInReleaseOrder(@TempDir Path browserTemp)
            throws IOException {
        try (HeadlessChromium chromium = HeadlessChromium.start(browserTemp)) {
            ChromeDriver driver = chromium.driver();
            chromium.open(server.uri("/"));
            WebDriverWait wait = new WebDriverWait(driver, WAIT);

            wait.until(ExpectedConditions.attributeToBe(By.id("franchise"), "data-loaded", "true"));
            new Select(driver.findElement(By.id("franchise"))).selectByValue("john-wick");
            wait.until(ExpectedConditions.attributeToBe(By.id("orders"), "data-franchise", "john-wick"));

            List<String> story = slugs(driver, "#story-order > li");
            int ballerina = story.indexOf("ballerina-2025");
            assertEquals("john-wick-chapter-3-parabellum-2019", story.get(ballerina - 1), story.toString());
            assertEquals("john-wick-chapter-4-2023", story.get(ballerina + 1), story.toString());
            List<String> release = slugs(driver, "#release-order > li");
            assertEquals(5, release.size(), release.toString());
            assertEquals("ballerina-2025", release.get(release.size() - 1), release.toString());

            WebElement entry = driver.findElement(By.cssSelector("#story-order > li[data-slug='ballerina-2025']"));
            String reasons = entry.findElement(By.cssSelector("ul.because")).getText();
            assertTrue(reasons.contains("set after John Wick: Chapter 3 – Parabellum, stated by data/john-wick"), reasons);
            assertTrue(reasons.contains("set before John Wick: Chapter 4, stated by data/john-wick"), reasons);
            assertEquals(server.uri("/id/film/ballerina-2025").toString(),
                    entry.findElement(By.cssSelector("a")).getDomProperty("href"));
            assertEquals("#chronology/john-wick", driver.executeScript("return location.hash"));

            chromium.screenshot(driver.findElement(By.id("chronology")), "ui-chronology");
            assertOnlyThisServerWasAsked(chromium, "/api/franchises", "/api/franchises/john-wick/chronology?order=story",
                    "/api/franchises/john-wick/chronology?order=release");
        }
    }

    /**
     * Every request went to the test server, including {@code expected}. Not network requests: {@code data:} URLs,
     * and {@code chrome://} ones (Chromium's start page, still loading when the test navigates away).
     */
    private void assertOnlyThisServerWasAsked(HeadlessChromium chromium, String... expected) {
        String origin = server.uri("/").toString();
        List<String> urls = chromium.requestedUrls().stream().filter(u -> !u.startsWith("data:") && !u.startsWith("chrome://")).toList();
        assertEquals(List.of(), urls.stream().filter(u -> !u.startsWith(origin)).toList(), "the page asked other hosts");
        for (String path : expected)
            assertTrue(urls.contains(server.uri(path).toString()), path + " not among " + urls);
    }

    private static List<String> slugs(ChromeDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(li -> li.getDomAttribute("data-slug")).toList();
    }
}
