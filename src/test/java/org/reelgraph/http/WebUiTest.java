package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The web UI's page and files over plain HTTP (the browser test is {@link WebUiBrowserTest}). */
class WebUiTest extends AgainstRunningServer {
    private static final Pattern ASSET = Pattern.compile("<(?:script src|link rel=\"stylesheet\" href)=\"([^\"]+)\"");

    @Test
    void rootIsAnHtmlPageWithTheEditorTheChronologyViewAndTheEndpointLinks() {
        HttpResponse<String> page = server.get("/", "text/html");
        assertEquals(200, page.statusCode());
        assertEquals("text/html;charset=utf-8", contentType(page));
        String html = page.body();
        assertTrue(html.contains("<div id=\"yasgui\"></div>"), "the editor's container");
        assertTrue(html.contains("<select id=\"example-queries\">"));
        assertTrue(html.contains("<select id=\"franchise\">"));
        assertTrue(html.contains("<meta name=\"reelgraph-id-base\" content=\"https://w3id.org/reelgraph/id/\">"));
        for (String link : List.of("/api/franchises", "/dumps/", "/dumps/void.ttl", "/health", "/api/films/ballerina-2025",
                "/docs", "/openapi.json", "/metrics"))
            assertTrue(html.contains("href=\"" + link + "\""), link);
    }

    @Test
    void everyScriptAndStylesheetOfThePageComesFromThisServerWithItsType() {
        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(server.get("/").body());
        while (m.find())
            assets.add(m.group(1));
        assertEquals(List.of("/yasgui/4.6.2/yasgui.min.css", "/ui/reelgraph.css",
                "/yasgui/4.6.2/yasgui.min.js", "/ui/sparql.js", "/ui/chronology.js"), assets);
        for (String asset : assets) {
            HttpResponse<String> response = server.get(asset);
            assertEquals(200, response.statusCode(), asset);
            assertEquals(asset.endsWith(".js") ? "text/javascript;charset=utf-8" : "text/css;charset=utf-8",
                    contentType(response), asset);
            assertFalse(response.body().isBlank(), asset);
        }
    }

    @Test
    void yasguiIsTheStandaloneBundleAndCachedForAYearUnderItsVersionedPath() {
        HttpResponse<String> js = server.get("/yasgui/4.6.2/yasgui.min.js");
        assertTrue(js.body().length() > 500_000, "the whole bundle");
        assertTrue(js.body().contains("Yasgui"), "the UMD bundle defines the Yasgui global");
        assertEquals("public, max-age=31536000, immutable", js.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("no-cache", server.get("/ui/sparql.js").headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(404, server.get("/yasgui/4.6.2/missing.js").statusCode());
    }

    @Test
    void exampleQueriesAreListedAsJsonWithWhatEachAnswersAndItsText() throws IOException {
        HttpResponse<String> response = server.get("/ui/queries.json");
        assertEquals(200, response.statusCode());
        assertTrue(contentType(response).startsWith("application/json"), contentType(response));
        JsonNode list = RunningServer.json(response);

        List<String> files;
        try (Stream<Path> rq = Files.list(Path.of("queries"))) {
            files = rq.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).sorted().toList();
        }
        List<String> names = new ArrayList<>();
        list.forEach(q -> names.add(q.get("name").asText() + ".rq"));
        assertEquals(files, names, "every file in queries/, in name order");

        JsonNode directors = list.get(names.indexOf("directors.rq"));
        String text = Files.readString(Path.of("queries", "directors.rq"), StandardCharsets.UTF_8);
        assertEquals(text, directors.get("query").asText());
        assertEquals("Who directed what: every film with its director(s), ordered by director, then release date.",
                directors.get("summary").asText());
        JsonNode between = list.get(names.indexOf("between.rq"));
        assertEquals("What happens between John Wick: Chapter 3 – Parabellum and Chapter 4 in the story? "
                + "Films whose story position lies strictly between the two, from the published story chronology.",
                between.get("description").asText());
    }

    /** The media type and parameters without spaces: Jetty writes {@code text/html;charset=utf-8}. */
    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
