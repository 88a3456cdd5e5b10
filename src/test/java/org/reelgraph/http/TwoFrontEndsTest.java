package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelgraph.store.RemoteEndpoints;
import org.reelgraph.store.Store;
import org.reelgraph.testing.FusekiProcess;

/**
 * Two front ends over one remote store: one in this JVM, one its own OS process ({@code serve
 * --remote}). A write through either is seen through the other on its very next request (film API,
 * chronology, dump ETag), although both have answered, and so cached, the same requests before:
 * every cache is keyed on the data version read from the store in the request itself.
 */
class TwoFrontEndsTest {
    private static final String FILM = "https://w3id.org/reelgraph/id/film/";
    private static final String RG = "https://w3id.org/reelgraph/ontology#";
    private static final List<String> STORY = List.of("john-wick-2014", "john-wick-chapter-2-2017",
            "john-wick-chapter-3-parabellum-2019", "ballerina-2025", "john-wick-chapter-4-2023");
    private static final List<String> MOVED = List.of("john-wick-2014", "john-wick-chapter-2-2017",
            "john-wick-chapter-3-parabellum-2019", "john-wick-chapter-4-2023", "ballerina-2025");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aWriteThroughOneFrontEndIsSeenThroughTheOtherOnTheNextRequest(@TempDir Path dir) throws IOException {
        try (FusekiProcess fuseki = FusekiProcess.start(Files.createDirectory(dir.resolve("fuseki")))) {
            RemoteStores.load(fuseki.queryEndpoint());
            try (RunningServer a = RunningServer.over(Store.remote(RemoteEndpoints.of(fuseki.queryEndpoint()), Duration.ofSeconds(5)), x -> {});
                 ReelgraphProcess b = ReelgraphProcess.serveRemote(dir.resolve("b"), fuseki.queryEndpoint(), "--timeout", "20")) {
                URI aBase = a.uri(""), bBase = b.uri("");
                // Both answer (and so cache) the chronology, the film and the dump first.
                for (URI base : List.of(aBase, bBase)) {
                    assertEquals(STORY, story(base));
                    assertEquals(STORY, story(base));
                }
                String bEtag = etag(bBase), aEtag = etag(aBase);
                assertEquals(bEtag, etag(bBase));

                // A review ingested through A (in this JVM) is on B's film page at once; B's dumps move on.
                String review = Files.readString(Path.of("seeds", "ballerina-2025-review.txt")) + "\n\nSeen from the other front end.\n";
                HttpResponse<String> created = send(HttpRequest.newBuilder(aBase.resolve("/api/reviews"))
                        .header("Authorization", "Bearer " + RunningServer.TOKEN).header("Content-Type", "text/plain; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(review, StandardCharsets.UTF_8)));
                assertEquals(201, created.statusCode(), created.body());
                String reviewId = RunningServer.json(created).get("review").asText();
                HttpResponse<String> film = get(bBase.resolve("/api/films/ballerina-2025"));
                assertEquals(200, film.statusCode(), film.body());
                assertTrue(film.body().contains(reviewId), "B does not show the review written through A: " + film.body());
                String bEtagAfterReview = etag(bBase);
                assertNotEquals(bEtag, bEtagAfterReview);

                // A placement change through B (its own process, forwarded SPARQL Update) moves A's chronology at once.
                String update = "PREFIX film: <" + FILM + "> PREFIX rg: <" + RG + ">\n"
                        + "DELETE { GRAPH ?g { film:ballerina-2025 ?p ?o } } WHERE { GRAPH ?g { film:ballerina-2025 ?p ?o }"
                        + " FILTER(?p IN (rg:setAfter, rg:setBefore)) } ;\n"
                        + "INSERT DATA { GRAPH <https://example.org/placement> { film:ballerina-2025 rg:setAfter film:john-wick-chapter-4-2023 } }";
                HttpResponse<String> moved = send(HttpRequest.newBuilder(bBase.resolve("/reelgraph/update"))
                        .header("Authorization", "Bearer " + RunningServer.TOKEN).header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(update, StandardCharsets.UTF_8)));
                assertEquals(2, moved.statusCode() / 100, moved.body() + "\n" + b.log());
                assertEquals(MOVED, story(aBase), "A's chronology after B moved Ballerina");
                assertEquals(MOVED, story(bBase));
                JsonNode placement = RunningServer.json(get(aBase.resolve("/api/films/ballerina-2025"))).get("placement");
                assertTrue(placement.toString().contains("john-wick-chapter-4-2023"), placement.toString());
                assertTrue(!placement.toString().contains("john-wick-chapter-3"), placement.toString());
                assertNotEquals(aEtag, etag(aBase));
                assertNotEquals(bEtagAfterReview, etag(bBase));
                // Both serve the same dump of the same version now.
                assertEquals(etag(aBase), etag(bBase));
            }
        }
    }

    private List<String> story(URI base) {
        HttpResponse<String> answer = get(base.resolve("/api/franchises/john-wick/chronology?order=story"));
        assertEquals(200, answer.statusCode(), answer.body());
        List<String> slugs = new ArrayList<>();
        RunningServer.json(answer).get("entries").forEach(e -> slugs.add(e.get("slug").asText()));
        return slugs;
    }

    private String etag(URI base) {
        HttpResponse<String> head = send(HttpRequest.newBuilder(base.resolve("/dumps/reelgraph.nq")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        return head.headers().firstValue("ETag").orElseThrow();
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
