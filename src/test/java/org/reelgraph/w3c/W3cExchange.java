package org.reelgraph.w3c;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.reelgraph.w3c.W3cManifest.Expected;
import org.reelgraph.w3c.W3cManifest.Header;
import org.reelgraph.w3c.W3cManifest.Request;

/**
 * Performs the {@code ht:Request}s of one W3C test in order against a running server and checks each
 * response against its {@code ht:Response}: status (exact code or class), {@code Location},
 * {@code Content-Type}, result format ({@code boolean}/{@code tabular}/{@code RDF}), the ASK answer,
 * and graph isomorphism with an expected body. The first mismatch is the test's failure, described
 * with the request and the response so that the server behaviour behind it can be read off.
 */
final class W3cExchange {
    /** Media types per {@code mf:expectedFormat}, as the protocol manifest's test names list them. */
    private static final Map<String, Set<String>> FORMATS = Map.of(
            "boolean", Set.of("application/sparql-results+xml", "application/sparql-results+json"),
            "tabular", Set.of("application/sparql-results+xml", "application/sparql-results+json", "text/csv",
                    "text/tab-separated-values"),
            "RDF", Set.of("application/rdf+xml", "text/turtle", "application/n-triples", "text/plain",
                    "application/xhtml+xml", "text/html"));
    /** Media types whose encoding is UTF-8 by definition, so that a missing charset means UTF-8. */
    private static final Set<String> ALWAYS_UTF8 = Set.of("text/turtle", "application/n-triples", "application/ld+json",
            "application/sparql-results+json", "application/trig", "application/n-quads");
    private static final Set<String> RDFA = Set.of("application/xhtml+xml", "text/html");

    /** {@code -Dw3c.verbose=true} prints every exchange, passing or not. */
    private static final boolean VERBOSE = Boolean.getBoolean("w3c.verbose");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String origin;
    private final String token;
    /** Maps a manifest request to the server path (with query string) it is sent to. */
    private final BiFunction<W3cManifest.Test, Request, String> route;

    W3cExchange(String origin, String token, BiFunction<W3cManifest.Test, Request, String> route) {
        this.origin = origin;
        this.token = token;
        this.route = route;
    }

    /**
     * Sends the test's requests in order. The report's failure is null when every request got its
     * expected response, else it lists every mismatch, request by request.
     * After a wrong status the remaining requests are not sent (their expectations assume it); after
     * any other mismatch they are, so that one test reports all of its deviations at once.
     */
    Report run(W3cManifest.Test test) {
        Map<String, String> variables = new HashMap<>();
        List<String> notes = new ArrayList<>();
        StringBuilder failures = new StringBuilder();
        int n = 0;
        for (Request request : test.requests()) {
            n++;
            Result result = exchange(test, request, variables, n, notes);
            if (result.failure() != null)
                failures.append(failures.isEmpty() ? "" : "\n").append(result.failure());
            if (result.stop())
                break;
        }
        return new Report(failures.isEmpty() ? null : failures.toString(), List.copyOf(notes));
    }

    /**
     * {@code failure} is null when the test passed; {@code notes} are things accepted as conforming
     * that a reader of the results should still know about.
     */
    record Report(String failure, List<String> notes) {}

    private record Result(String failure, boolean stop) {}

    private Result exchange(W3cManifest.Test test, Request request, Map<String, String> variables, int n, List<String> notes) {
        String path = substitute(route.apply(test, request), variables);
        String body = request.body() == null ? null : substitute(request.body(), variables);
        URI uri = URI.create(origin + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        for (Header h : request.headers())
            builder.header(h.name(), h.value());
        // The write token goes on every request. Without it the server's write guard answers 401 to
        // anything that is not plainly a read (e.g. PUT on the query endpoint), and a 401 would satisfy
        // the bad_* tests' "4xx" for the wrong reason. With it, every status comes from the protocol code.
        builder.header("Authorization", "Bearer " + token);
        byte[] bytes = body == null ? null : body.getBytes(Charset.forName(request.bodyEncoding()));
        builder.method(request.method(), bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        HttpResponse<byte[]> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new Result(describe(n, request, uri, body, null, List.of("I/O error: " + e)), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (VERBOSE)
            System.out.println("[w3c] " + test.id() + "\n" + describe(n, request, uri, body, response, List.of("(exchange)")));
        Expected expected = request.expected();
        int status = response.statusCode();
        if (!expected.statuses().contains(status) && !expected.classes().contains(status / 100 * 100))
            return new Result(describe(n, request, uri, body, response,
                    List.of("expected status " + statusText(expected) + " but got " + status)), true);
        List<String> problems = check(expected, response, uri, variables, notes, n);
        return new Result(problems.isEmpty() ? null : describe(n, request, uri, body, response, problems), false);
    }

    /** Everything but the status, which the caller has checked. */
    private static List<String> check(Expected expected, HttpResponse<byte[]> response, URI uri, Map<String, String> variables,
                                      List<String> notes, int n) {
        List<String> problems = new ArrayList<>();
        if (expected.locationVariable() != null) {
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isEmpty())
                problems.add("expected a Location header (" + expected.locationVariable() + ") but there is none");
            else
                variables.put(expected.locationVariable(), uri.resolve(location.get()).toString());
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        Optional<String> expectedType = expected.header("content-type");
        if (expectedType.isPresent()) {
            String problem = checkContentType(expectedType.get(), contentType);
            if (problem != null)
                problems.add(problem);
            else if (charset(expectedType.get()) != null && charset(contentType) == null)
                notes.add("request " + n + ": Content-Type is " + contentType + ", without the " + expectedType.get()
                        + " the manifest shows; accepted because " + mediaType(contentType) + " is always UTF-8");
        }
        if (expected.format() != null) {
            Set<String> allowed = FORMATS.get(expected.format());
            String type = mediaType(contentType);
            if (allowed == null)
                problems.add("runner does not know mf:expectedFormat \"" + expected.format() + "\"");
            else if (type == null || !allowed.contains(type))
                problems.add("expected a " + expected.format() + " result (one of " + allowed + ") but Content-Type is " + contentType);
        }
        if (expected.bool() != null || "boolean".equals(expected.format()) || "tabular".equals(expected.format())) {
            try {
                SPARQLResult result = readResults(response.body(), mediaType(contentType));
                if ("tabular".equals(expected.format()) && !result.isResultSet())
                    problems.add("expected a result set (tabular) but got a boolean");
                else if (("boolean".equals(expected.format()) || expected.bool() != null) && !result.isBoolean())
                    problems.add("expected a boolean result but got a result set");
                else if (expected.bool() != null && result.getBooleanResult() != expected.bool())
                    problems.add("expected boolean " + expected.bool() + " but the server answered " + result.getBooleanResult());
            } catch (RuntimeException e) {
                problems.add("response is not a SPARQL result in " + contentType + ": " + e.getMessage());
            }
        }
        if ("RDF".equals(expected.format()) && !RDFA.contains(mediaType(contentType))) {
            try {
                parse(response.body(), contentType, uri.toString());
            } catch (RuntimeException e) {
                problems.add("response is not parseable RDF in " + contentType + ": " + e.getMessage());
            }
        }
        if (expected.body() != null) {
            try {
                Graph want = parse(expected.body().getBytes(StandardCharsets.UTF_8), expectedType.orElse("text/turtle"), uri.toString());
                Graph got = parse(response.body(), contentType, uri.toString());
                if (!want.isIsomorphicWith(got))
                    problems.add("response graph is not isomorphic to the expected graph; expected:\n" + show(want) + "\ngot:\n" + show(got));
            } catch (RuntimeException e) {
                problems.add("cannot compare the response body with the expected graph: " + e.getMessage());
            }
        }
        return problems;
    }

    /**
     * Media types equal (case-insensitively). A charset the response states must be the expected one;
     * one it leaves out is accepted only where the media type itself fixes the encoding to UTF-8
     * (Turtle, N-Triples, JSON-based formats: RDF 1.1 Turtle §"Media type": "The content encoding of
     * Turtle content is always UTF-8"), and the caller records a note. This is how the W3C GSP tests
     * are read by other runners too (rdf-test-suite: "should ignore the parameters of a content type").
     */
    private static String checkContentType(String expected, String actual) {
        if (actual == null)
            return "expected Content-Type " + expected + " but the response has none";
        if (!mediaType(expected).equals(mediaType(actual)))
            return "expected Content-Type " + expected + " but got " + actual;
        String wantCharset = charset(expected);
        String gotCharset = charset(actual);
        if (wantCharset == null)
            return null;
        if (gotCharset == null)
            return ALWAYS_UTF8.contains(mediaType(actual)) && wantCharset.equalsIgnoreCase("utf-8") ? null
                    : "expected Content-Type " + expected + " but got " + actual + " (no charset)";
        if (!wantCharset.equalsIgnoreCase(gotCharset))
            return "expected Content-Type " + expected + " but got " + actual + " (charset differs)";
        return null;
    }

    private static SPARQLResult readResults(byte[] body, String mediaType) {
        Lang lang = switch (mediaType == null ? "" : mediaType) {
            case "application/sparql-results+xml" -> ResultSetLang.RS_XML;
            case "application/sparql-results+json" -> ResultSetLang.RS_JSON;
            case "text/csv" -> ResultSetLang.RS_CSV;
            case "text/tab-separated-values" -> ResultSetLang.RS_TSV;
            default -> throw new IllegalArgumentException("not a SPARQL results media type: " + mediaType);
        };
        return ResultsReader.create().lang(lang).build().readAny(new ByteArrayInputStream(body));
    }

    private static Graph parse(byte[] body, String contentType, String base) {
        String type = mediaType(contentType);
        Lang lang = "text/plain".equals(type) ? Lang.NTRIPLES : type == null ? null : RDFLanguages.contentTypeToLang(type);
        if (lang == null || !RDFLanguages.isTriples(lang))
            throw new IllegalArgumentException("not an RDF triples media type: " + contentType);
        return RDFParser.source(new ByteArrayInputStream(body)).lang(lang).base(base).toGraph();
    }

    static String mediaType(String contentType) {
        return contentType == null ? null : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String charset(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset="))
                return p.substring(8).replace("\"", "").strip();
        }
        return null;
    }

    private static String statusText(Expected expected) {
        StringBuilder s = new StringBuilder();
        expected.statuses().forEach(c -> s.append(s.isEmpty() ? "" : " or ").append(c));
        expected.classes().forEach(c -> s.append(s.isEmpty() ? "" : " or ").append(c / 100).append("xx"));
        return s.toString();
    }

    private static String substitute(String text, Map<String, String> variables) {
        String result = text;
        for (Map.Entry<String, String> v : variables.entrySet())
            result = result.replace(v.getKey(), v.getValue());
        return result;
    }

    private static String show(Graph g) {
        var out = new java.io.ByteArrayOutputStream();
        org.apache.jena.riot.RDFDataMgr.write(out, g, Lang.NTRIPLES);
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private static String describe(int n, Request request, URI uri, String body, HttpResponse<byte[]> response, List<String> problems) {
        StringBuilder s = new StringBuilder("request ").append(n).append(": ").append(String.join("; ", problems)).append('\n');
        s.append("  > ").append(request.method()).append(' ').append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                .append("   (manifest: ").append(request.absolutePath()).append(")\n");
        for (Header h : request.headers())
            s.append("  > ").append(h.name()).append(": ").append(h.value()).append('\n');
        if (body != null)
            s.append("  > ").append(abbreviate(body).replace("\n", "\n  > ")).append('\n');
        if (response != null) {
            s.append("  < ").append(response.statusCode()).append('\n');
            for (String name : List.of("Content-Type", "Location"))
                response.headers().firstValue(name).ifPresent(v -> s.append("  < ").append(name).append(": ").append(v).append('\n'));
            String text = new String(response.body(), StandardCharsets.UTF_8);
            if (!text.isBlank())
                s.append("  < ").append(abbreviate(text).replace("\n", "\n  < ")).append('\n');
        }
        return s.toString().stripTrailing();
    }

    private static String abbreviate(String text) {
        String t = text.strip();
        return t.length() <= 600 ? t : t.substring(0, 600) + " ...";
    }
}
