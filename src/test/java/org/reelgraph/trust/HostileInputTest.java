package org.reelgraph.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reelgraph.http.RunningServer;

/**
 * Hostile requests against the real server, one named case each: broken RDF and SPARQL, invalid
 * UTF-8, deep nesting, huge bodies, pathological queries, bad percent-encoding and charsets,
 * failing LOADs, path traversal, header injection, wrong tokens, remote JSON-LD contexts. Every
 * answer is below 500 (a query stopped by the timeout may say 503), carries no Java class name or
 * stack frame, is a problem document when it is an error, and leaves the store byte for byte as it
 * was. URLs under {@code /forbidden/} of the local listener must never be fetched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_BODY = 1 << 20;
    private static final String TOKEN = "Authorization: Bearer " + RunningServer.TOKEN;
    private static final String HOSTILE = "src/test/resources/hostile/";
    /** Where the forbidden URLs of the corpus files point; rewritten to the listener's port. */
    private static final String FORBIDDEN_IN_FILES = "http://127.0.0.1:9/forbidden/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a case may answer besides a plain 4xx refusal. */
    enum Allowed { REFUSAL, ANY_BELOW_500, REFUSAL_OR_TIMEOUT }

    /** @param rawMarkup text that must not appear in the answer as it is (markup from the data, unescaped), or null */
    record Hostile(String name, String method, String target, List<String> headers, byte[] body, boolean chunked, Allowed allowed,
                   String rawMarkup) {
        Hostile(String name, String method, String target, List<String> headers, byte[] body, boolean chunked, Allowed allowed) {
            this(name, method, target, headers, body, chunked, allowed, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Inputs Fuseki stores with a parser warning only (ill-formed literals, IRIs its checker dislikes, NUL in an
     * N-Triples string, relative IRIs resolved against the request), or that a token holder may rightly send.
     */
    private static final java.util.Set<String> LENIENT = java.util.Set.of("bad-iri.jsonld", "nul-byte.nt", "relative-iri.nt",
            "bad-date.ttl", "bad-integer.ttl", "bad-iri-chars.ttl", "reserved-graph.trig", "cyclic-iri-mapping.jsonld");

    /** Labels that are markup or script in every context a page may put them (element, attribute, URL, CDATA). */
    private static final List<String> HOSTILE_LABELS = List.of("<script>alert('label')</script>", "\"><img src=x onerror=alert(1)>",
            "</title><script>alert(2)</script>", "<svg onload=alert(3)>", "javascript:alert(4)", "]]><script>alert(5)</script>",
            "' onmouseover='alert(6)", "<iframe src=\"//evil.example\"></iframe>", "&lt;b&gt;pre-escaped&lt;/b&gt; <b>bold</b>",
            "\u202Egnp.exe <style>*{display:none}</style>");

    RunningServer server;
    HttpServer listener;
    final Queue<String> fetched = new ConcurrentLinkedQueue<>();
    String before;
    String beforeVersion;

    @BeforeAll
    void start(@TempDir Path db) throws IOException {
        server = RunningServer.start(db, b -> b.timeout(TIMEOUT).maxBody(MAX_BODY));
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", LISTENER_PORT.get()), 0);
        listener.createContext("/", exchange -> {
            fetched.add(exchange.getRequestURI().getPath());
            String path = exchange.getRequestURI().getPath();
            byte[] answer = path.startsWith("/garbage") ? "<urn:a> <urn:b> \"never closed".getBytes(StandardCharsets.UTF_8)
                    : path.startsWith("/forbidden") ? "{\"@context\": {\"name\": \"urn:leaked#name\"}}".getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            int status = path.startsWith("/missing") ? 404 : 200;
            exchange.getResponseHeaders().add("Content-Type", path.startsWith("/forbidden") ? "application/ld+json" : "text/turtle");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0)
                exchange.getResponseBody().write(answer);
            exchange.close();
        });
        listener.start();
        // Films whose labels are markup: their pages must show the text, never run it.
        StringBuilder films = new StringBuilder();
        for (int i = 0; i < HOSTILE_LABELS.size(); i++)
            films.append("<https://w3id.org/reelgraph/id/film/hostile-label-").append(i).append("-2030> <http://www.w3.org/2000/01/rdf-schema#label> \"")
                    .append(HOSTILE_LABELS.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append("\"@en .\n");
        assertEquals(201, server.putGraph("https://w3id.org/reelgraph/test/hostile-labels", films.toString()).statusCode());
        before = DatasetHash.of(server.store());
        beforeVersion = server.store().version().tag();
    }

    @AfterAll
    void stop() {
        if (listener != null)
            listener.stop(0);
        if (server != null)
            server.close();
    }

    /** The listener's port, fixed before the cases are built (they name it in URLs). */
    private static final java.util.function.Supplier<Integer> LISTENER_PORT = memoizedFreePort();

    private static java.util.function.Supplier<Integer> memoizedFreePort() {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return () -> port;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void hostileRequestIsRefusedPlainlyAndChangesNothing(Hostile hostile) throws IOException {
        RawHttp.Answer answer = RawHttp.exchange(server.uri("/").getPort(), hostile.method(), hostile.target(),
                hostile.headers(), hostile.body(), hostile.chunked());
        // Each case is judged on its own: a case that changed the store moves the baseline for the next ones.
        // TDB2's data version moves with every commit; only then is the whole store hashed again.
        String expected = before;
        String version = server.store().version().tag();
        if (!version.equals(beforeVersion)) {
            before = DatasetHash.of(server.store());
            beforeVersion = version;
        }
        String body = answer.text();
        String seen = hostile.name() + ": " + answer.status() + " " + answer.header("Content-Type") + " " + abbreviate(body);
        boolean timedOut = hostile.allowed() == Allowed.REFUSAL_OR_TIMEOUT && answer.status() == 503 && body.contains("timed out");
        assertTrue(answer.status() < 500 || timedOut, seen);
        if (hostile.allowed() == Allowed.REFUSAL)
            assertTrue(answer.status() >= 400, "refused: " + seen);
        if (hostile.rawMarkup() != null)
            assertFalse(body.contains(hostile.rawMarkup()), hostile.name() + ": the page shows markup from the data unescaped: " + abbreviate(body));
        assertFalse(body.contains("Exception") || body.contains("at org.") || body.contains("java.") || body.contains("jakarta."),
                "no Java internals: " + seen);
        if (answer.status() >= 400) {
            assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json"), seen);
            JsonNode problem = JSON.readTree(body);
            assertEquals(answer.status(), problem.get("status").asInt(), seen);
            assertFalse(problem.get("detail").asText().isBlank(), seen);
        }
        // CR/LF smuggled into a parameter or path must never become a header of its own.
        answer.headers().forEach((name, values) -> {
            assertFalse(name.contains("injected"), "header injected: " + name);
            values.forEach(v -> assertFalse(v.toLowerCase().contains("injected"), "header value injected: " + name + ": " + v));
        });
        assertTrue(fetched.stream().noneMatch(p -> p.startsWith("/forbidden")), "the server fetched " + fetched);
        // A lenient case the server accepts is a write its token allows; everything else must leave the store alone.
        boolean acceptedWrite = hostile.allowed() != Allowed.REFUSAL && answer.status() / 100 == 2 && !hostile.method().equals("GET");
        if (!acceptedWrite)
            assertEquals(expected, before, hostile.name() + ": the store changed");
    }

    /**
     * The web UI at / shows titles and labels from the API; its scripts put text in as textContent, so a
     * label that is markup stays text. Any of these calls would let it run.
     */
    @org.junit.jupiter.api.Test
    void uiScriptsNeverInsertMarkupFromData() throws IOException {
        try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/web/ui"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
                String code = Files.readString(script);
                for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("))
                    assertFalse(code.contains(sink), script + " uses " + sink);
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The corpus

    Stream<Hostile> hostileRequests() throws IOException {
        List<Hostile> cases = new ArrayList<>();
        corpusFiles(cases);
        truncatedTurtle(cases);
        sparqlSyntax(cases);
        pathologicalQueries(cases);
        invalidUtf8(cases);
        percentEncoding(cases);
        charsets(cases);
        failingLoads(cases);
        traversal(cases);
        headerInjection(cases);
        oversized(cases);
        tokens(cases);
        jsonLd(cases);
        misc(cases);
        labels(cases);
        return cases.stream();
    }

    /** Every file under hostile/, sent as the body it is: RDF to the Graph Store (with the token), SPARQL to the query endpoint. */
    private void corpusFiles(List<Hostile> cases) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(HOSTILE))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                byte[] bytes = Files.readAllBytes(file);
                bytes = new String(bytes, StandardCharsets.ISO_8859_1).replace(FORBIDDEN_IN_FILES, forbidden(""))
                        .getBytes(StandardCharsets.ISO_8859_1);
                String type = name.endsWith(".ttl") ? "text/turtle" : name.endsWith(".nt") ? "application/n-triples"
                        : name.endsWith(".trig") ? "application/trig" : name.endsWith(".jsonld") ? "application/ld+json"
                        : name.endsWith(".rq") ? "application/sparql-query" : null;
                if (type == null)
                    continue;
                // Fuseki's parsers only warn about these (the data is stored as given), and a token holder may write any graph.
                Allowed allowed = LENIENT.contains(name) ? Allowed.ANY_BELOW_500 : Allowed.REFUSAL;
                if (type.equals("application/sparql-query")) {
                    cases.add(sendAllowing("file " + name + " as a query body", "POST", "/reelgraph/sparql", type, bytes, allowed));
                } else {
                    String target = type.equals("application/trig") ? "/reelgraph/data" : "/reelgraph/data?graph=" + enc("urn:hostile:" + name);
                    cases.add(sendAllowing("file " + name + " PUT to the graph store", type.equals("application/trig") ? "POST" : "PUT",
                            target, type, bytes, allowed, TOKEN));
                }
            }
        }
    }

    /** The curated John Wick file cut at twenty places: each prefix is broken Turtle (or a valid prefix with a bad end). */
    private void truncatedTurtle(List<Hostile> cases) throws IOException {
        String turtle = Files.readString(Path.of("data/john-wick.ttl"));
        for (int i = 1; i <= 20; i++) {
            int cut = turtle.length() * i / 21;
            // Cut inside a token: at a quote, a '<' or the middle of a word, where the parser must fail, not guess.
            int at = turtle.indexOf('"', cut);
            String prefix = turtle.substring(0, at < 0 ? cut : at + 1) + " <unterminated";
            cases.add(send("john-wick.ttl truncated at " + i + "/21", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:truncated-" + i),
                    "text/turtle", prefix.getBytes(StandardCharsets.UTF_8), TOKEN));
        }
    }

    private void sparqlSyntax(List<Hostile> cases) {
        String query = "PREFIX rg: <https://w3id.org/reelgraph/ontology#> SELECT ?film ?date WHERE { ?film rg:releaseDate ?date . FILTER(?date > \"2000-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>) } ORDER BY ?date LIMIT 5";
        String[] tokens = query.split(" ");
        // Every cut at a token boundary that leaves the query incomplete.
        for (int n = 1; n < tokens.length; n += 2) {
            String cut = String.join(" ", java.util.Arrays.copyOf(tokens, n));
            if (parses(cut))
                continue;
            cases.add(get("SPARQL cut after token " + n, "/reelgraph/sparql?query=" + enc(cut)));
        }
        String[] broken = {"SELECT", "SELECT * {", "}", "ASK { ?s ?p }", "SELECT ?x { ?x ?p ?o } ORDER BY", "CONSTRUCT WHERE",
                "SELECT (COUNT(*) ?n) {}", "SELECT * { FILTER(regex(?x, \"(\")) }", "DESCRIBE", "SELECT * { ?s ?p ?o } OFFSET -1",
                "SELECT * { VALUES ?x { 1 2 } VALUES (?x { 1 } }", "SELECT * { ?s ?p ?o . } GROUP BY", "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }"};
        for (int i = 0; i < broken.length; i++)
            cases.add(parses(broken[i]) ? sendAllowing("SPARQL odd " + (i + 1) + ": " + broken[i], "GET",
                    "/reelgraph/sparql?query=" + enc(broken[i]), null, null, Allowed.ANY_BELOW_500) : get("SPARQL broken " + (i + 1) + ": " + broken[i], "/reelgraph/sparql?query=" + enc(broken[i])));
        cases.add(sendAllowing("SPARQL update with a syntax error", "POST", "/reelgraph/update", "application/sparql-update",
                "INSERT DATA { <urn:a> <urn:b> ".getBytes(StandardCharsets.UTF_8), Allowed.REFUSAL, TOKEN));
        cases.add(sendAllowing("SPARQL update through the query endpoint", "POST", "/reelgraph/sparql", "application/sparql-update",
                "DROP ALL".getBytes(StandardCharsets.UTF_8), Allowed.REFUSAL, TOKEN));
    }

    private void pathologicalQueries(List<Hostile> cases) {
        String unions = "SELECT * { " + String.join(" UNION ", java.util.Collections.nCopies(5000, "{ ?s <urn:p> ?o }")) + " }";
        cases.add(post("5,000-branch UNION chain (GET form)", "/reelgraph/sparql", "application/x-www-form-urlencoded",
                ("query=" + enc(unions)).getBytes(StandardCharsets.UTF_8)));
        cases.add(post("5,000-branch UNION chain (query body)", "/reelgraph/sparql", "application/sparql-query", unions.getBytes(StandardCharsets.UTF_8)));
        String nested = "SELECT * " + "{".repeat(5000) + " ?s ?p ?o " + "}".repeat(5000);
        cases.add(post("groups nested 5,000 deep", "/reelgraph/sparql", "application/sparql-query", nested.getBytes(StandardCharsets.UTF_8)));
        String parens = "SELECT * { ?s ?p ?o FILTER(" + "(".repeat(3000) + "?o" + ")".repeat(3000) + ") }";
        cases.add(get("expression nested 3,000 deep", "/reelgraph/sparql?query=" + enc(parens)));
        String deleteUnions = "DELETE WHERE { " + String.join(" UNION ", java.util.Collections.nCopies(3000, "{ ?s ?p ?o }")) + " }";
        cases.add(sendAllowing("update with a 3,000-branch UNION", "POST", "/reelgraph/update", "application/sparql-update",
                deleteUnions.getBytes(StandardCharsets.UTF_8), Allowed.REFUSAL, TOKEN));
        StringBuilder in = new StringBuilder("SELECT * { ?s ?p ?o FILTER(?o IN (");
        for (int i = 0; i < 50_000; i++)
            in.append(i == 0 ? "" : ",").append(i);
        cases.add(sendAllowing("IN list of 50,000 values", "POST", "/reelgraph/sparql", "application/sparql-query",
                in.append(")) }").toString().getBytes(StandardCharsets.UTF_8), Allowed.REFUSAL_OR_TIMEOUT));
        cases.add(sendAllowing("four-way cross product", "GET", "/reelgraph/sparql?query="
                + enc("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"), null, null, Allowed.REFUSAL_OR_TIMEOUT));
        cases.add(sendAllowing("unbounded property path over everything", "GET", "/reelgraph/sparql?query="
                + enc("SELECT (COUNT(*) AS ?n) { ?a (<urn:x>|!<urn:y>)* ?b . ?c ?d ?e }"), null, null, Allowed.REFUSAL_OR_TIMEOUT));
        cases.add(sendAllowing("catastrophic regex over every literal", "GET", "/reelgraph/sparql?query="
                + enc("SELECT (COUNT(*) AS ?n) { ?s ?p ?o . ?a ?b ?c FILTER(regex(concat(str(?o), str(?c), \"!\"), \"^(a|aa|.)*(a|aa|.)*b$\")) }"),
                null, null, Allowed.REFUSAL_OR_TIMEOUT));
        cases.add(sendAllowing("huge LIMIT", "GET", "/reelgraph/sparql?query=" + enc("SELECT * { ?s ?p ?o } LIMIT 99999999999999999999"),
                null, null, Allowed.ANY_BELOW_500));
    }

    private void invalidUtf8(List<Hostile> cases) {
        byte[][] sequences = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE9}};
        for (int i = 0; i < sequences.length; i++) {
            byte[] turtle = concat("<urn:s> <urn:p> \"caf".getBytes(StandardCharsets.UTF_8), sequences[i], "\" .\n".getBytes(StandardCharsets.UTF_8));
            cases.add(send("invalid UTF-8 #" + (i + 1) + " in Turtle PUT", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:utf8-" + i),
                    "text/turtle", turtle, TOKEN));
            byte[] update = concat("INSERT DATA { GRAPH <urn:hostile:u> { <urn:s> <urn:p> \"".getBytes(StandardCharsets.UTF_8), sequences[i],
                    "\" } }".getBytes(StandardCharsets.UTF_8));
            cases.add(send("invalid UTF-8 #" + (i + 1) + " in SPARQL Update", "POST", "/reelgraph/update", "application/sparql-update", update, TOKEN));
            byte[] review = concat("Ballerina (2025) is directed by Len Wiseman ".getBytes(StandardCharsets.UTF_8), sequences[i]);
            cases.add(send("invalid UTF-8 #" + (i + 1) + " in a posted review", "POST", "/api/reviews", "text/plain", review, TOKEN));
        }
        cases.add(get("invalid UTF-8 percent-encoded in a query", "/reelgraph/sparql?query=SELECT%20*%20%7B%20?s%20?p%20%22%FF%22%20%7D"));
        cases.add(get("invalid UTF-8 percent-encoded in a film slug", "/api/films/ballerina%C3%28-2025"));
        cases.add(get("invalid UTF-8 percent-encoded in an /id path", "/id/film/%FF%FE"));
    }

    private void percentEncoding(List<Hostile> cases) {
        String[] targets = {"/reelgraph/sparql?query=%ZZ", "/reelgraph/sparql?query=SELECT%", "/reelgraph/sparql?query=%E2%82",
                "/api/films/%ZZ", "/api/franchises/john-wick/chronology?order=%G1", "/id/film/%", "/dumps/reelgraph.nt%",
                "/reelgraph/data?graph=%zz", "/api/films/a%2", "/?q=%%%"};
        for (String target : targets)
            cases.add(sendAllowing("bad percent-encoding " + target, "GET", target, null, null, Allowed.ANY_BELOW_500));
        cases.add(post("bad percent-encoding in a form body", "/reelgraph/sparql", "application/x-www-form-urlencoded",
                "query=SELECT%ZZ".getBytes(StandardCharsets.UTF_8)));
        cases.add(post("form body of only separators", "/reelgraph/sparql", "application/x-www-form-urlencoded",
                "&&&===&".getBytes(StandardCharsets.UTF_8)));
    }

    private void charsets(List<Hostile> cases) {
        String[][] bodies = {{"/reelgraph/sparql", "application/sparql-query", "ASK {}"},
                {"/reelgraph/sparql", "application/x-www-form-urlencoded", "query=ASK%7B%7D"},
                {"/api/reviews", "text/plain", "Ballerina (2025)"},
                {"/reelgraph/data?graph=" + enc("urn:hostile:charset"), "text/turtle", "<urn:a> <urn:b> <urn:c> ."},
                {"/reelgraph/update", "application/sparql-update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}};
        String[] charsets = {"bogus", "utf-99", "\"\"", "x;y"};
        for (String[] b : bodies)
            for (String charset : charsets)
                cases.add(new Hostile("charset " + charset + " on " + b[0].split("\\?")[0] + " (" + b[1] + ")",
                        b[0].startsWith("/reelgraph/data") ? "PUT" : "POST", b[0],
                        List.of("Content-Type: " + b[1] + "; charset=" + charset, TOKEN), b[2].getBytes(StandardCharsets.UTF_8), false,
                        b[0].equals("/reelgraph/sparql") ? Allowed.ANY_BELOW_500 : Allowed.REFUSAL));
    }

    private void failingLoads(List<Hostile> cases) {
        String[] loads = {"LOAD <http://127.0.0.1:1/nothing.ttl>", "LOAD <http://127.0.0.1:1/nothing.ttl> INTO GRAPH <urn:hostile:load>",
                "LOAD SILENT <http://127.0.0.1:1/nothing.ttl>", "LOAD <" + listener("/missing.ttl") + ">",
                "LOAD <" + listener("/garbage.ttl") + "> INTO GRAPH <urn:hostile:garbage>", "LOAD <file:///no/such/file.ttl>",
                "LOAD <ftp://127.0.0.1:1/x.ttl>", "LOAD <urn:not-a-location>"};
        for (String load : loads)
            cases.add(sendAllowing("failing " + load, "POST", "/reelgraph/update", "application/sparql-update",
                    load.getBytes(StandardCharsets.UTF_8), Allowed.ANY_BELOW_500, TOKEN));
        cases.add(get("SERVICE to the local network", "/reelgraph/sparql?query=" + enc("SELECT * { SERVICE <" + forbidden("sparql") + "> { ?s ?p ?o } }")));
        cases.add(sendAllowing("SERVICE SILENT to the local network", "GET", "/reelgraph/sparql?query=" + enc("SELECT * { SERVICE SILENT <" + forbidden("sparql") + "> { ?s ?p ?o } }"), null, null, Allowed.ANY_BELOW_500));
    }

    private void traversal(List<Hostile> cases) {
        String[] targets = {"/dumps/..%2f..%2fetc%2fpasswd", "/dumps/%2e%2e/%2e%2e/etc/passwd", "/dumps/../../etc/passwd",
                "/dumps/..%5c..%5cetc%5cpasswd", "/dumps/reelgraph.ttl%00.txt", "/dumps/%00", "/dumps/.%2e/pom.xml",
                "/dumps/%252e%252e%252fpom.xml", "/dumps/..;/pom.xml", "/dumps//etc/passwd", "/dumps/reelgraph.nt/..%2f..%2fpom.xml",
                "/dumps/~root", "/dumps/%c0%ae%c0%ae/pom.xml",
                "/id/..%2f..%2fetc/passwd", "/id/film/..%2f..%2f..%2fpom.xml", "/id/film/%2e%2e", "/id/film/ballerina-2025%00",
                "/id/film/ballerina-2025%00.html", "/id/%2e%2e/%2e%2e/pom.xml", "/id/film/..", "/ui/..%2f..%2fpom.xml",
                "/yasgui/4.6.2/..%2f..%2f..%2fpom.xml", "/api/films/..%2f..%2fpom.xml", "/reelgraph/data/..%2f..%2fpom.xml"};
        for (String target : targets)
            cases.add(sendAllowing("traversal " + target, "GET", target, null, null, Allowed.REFUSAL));
    }

    private void headerInjection(List<Hostile> cases) {
        String crlf = "%0d%0aX-Injected:%20yes";
        String[] targets = {"/api/films/x" + crlf, "/id/film/x" + crlf, "/id/film/ballerina-2025?format=ttl" + crlf,
                "/api/franchises/john-wick/chronology?order=story" + crlf, "/dumps/reelgraph.nt" + crlf,
                "/reelgraph/sparql?query=ASK%7B%7D&format=json" + crlf, "/reelgraph/data?graph=urn:x" + crlf,
                "/id/film/ballerina-2025?format=%0d%0aLocation:%20http://injected.example/"};
        for (String target : targets)
            cases.add(sendAllowing("CRLF in " + target.split("[?%]")[0] + (target.contains("?") ? " parameter" : " path"), "GET", target,
                    null, null, Allowed.ANY_BELOW_500));
        cases.add(sendAllowing("CRLF in the review source parameter", "POST", "/api/reviews?source=a" + crlf, "text/plain",
                "nothing to see here".getBytes(StandardCharsets.UTF_8), Allowed.REFUSAL, TOKEN));
        cases.add(sendAllowing("CRLF in a direct graph name", "PUT", "/reelgraph/data/x" + crlf, "text/turtle",
                "<urn:a> <urn:b> <urn:c> .".getBytes(StandardCharsets.UTF_8), Allowed.REFUSAL));
    }

    private void oversized(List<Hostile> cases) {
        byte[] literal = ("<urn:s> <urn:p> \"" + "x".repeat(10 << 20) + "\" .\n").getBytes(StandardCharsets.UTF_8);
        cases.add(send("10 MB literal PUT (Content-Length)", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:big"), "text/turtle", literal, TOKEN));
        cases.add(new Hostile("10 MB literal PUT (chunked)", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:big-chunked"),
                List.of("Content-Type: text/turtle", TOKEN), literal, true, Allowed.REFUSAL));
        cases.add(send("10 MB review", "POST", "/api/reviews", "text/plain", literal, TOKEN));
        cases.add(new Hostile("10 MB review (chunked)", "POST", "/api/reviews", List.of("Content-Type: text/plain", TOKEN), literal, true, Allowed.REFUSAL));
        cases.add(post("10 MB query", "/reelgraph/sparql", "application/sparql-query",
                ("SELECT * { ?s ?p \"" + "y".repeat(10 << 20) + "\" }").getBytes(StandardCharsets.UTF_8)));
        cases.add(sendAllowing("16 KB URL", "GET", "/reelgraph/sparql?query=" + "A".repeat(16 << 10), null, null, Allowed.REFUSAL));
        cases.add(new Hostile("64 KB header", "GET", "/api/franchises", List.of("X-Big: " + "h".repeat(64 << 10)), null, false, Allowed.ANY_BELOW_500));
        cases.add(new Hostile("1 MB header", "GET", "/api/franchises", List.of("X-Big: " + "h".repeat(1 << 20)), null, false, Allowed.REFUSAL));
        cases.add(new Hostile("Content-Length larger than the body sent", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:liar"),
                List.of("Content-Type: text/turtle", TOKEN, "Content-Length: 999999999"), null, false, Allowed.REFUSAL));
        byte[] manyTriples = "<urn:s> <urn:p> <urn:o> .\n".repeat(60_000).getBytes(StandardCharsets.UTF_8);
        cases.add(send("1.5 MB of small triples over the body limit", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:many"),
                "application/n-triples", manyTriples, TOKEN));
        String deepTurtle = "<urn:s> <urn:p> " + "[ <urn:p> ".repeat(5000) + "1" + " ]".repeat(5000) + " .";
        cases.add(send("Turtle blank nodes nested 5,000 deep", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:deep"), "text/turtle",
                deepTurtle.getBytes(StandardCharsets.UTF_8), TOKEN));
        String deepList = "<urn:s> <urn:p> " + "( ".repeat(5000) + "1" + " )".repeat(5000) + " .";
        cases.add(send("Turtle collections nested 5,000 deep", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:deep-list"), "text/turtle",
                deepList.getBytes(StandardCharsets.UTF_8), TOKEN));
    }

    private void tokens(List<Hostile> cases) {
        String[] authorizations = {null, "Bearer wrong", "Bearer ", "Bearer", "Basic dXNlcjpwYXNz", "bearer " + RunningServer.TOKEN + "x",
                "Bearer " + RunningServer.TOKEN.substring(1), "Bearer " + "t".repeat(8000), "Token " + RunningServer.TOKEN,
                "Bearer " + RunningServer.TOKEN.toUpperCase(), "Bearer  \t"};
        for (int i = 0; i < authorizations.length; i++) {
            String a = authorizations[i];
            List<String> headers = new ArrayList<>(List.of("Content-Type: text/turtle"));
            if (a != null)
                headers.add("Authorization: " + a);
            String label = a == null ? "no token" : a.length() > 40 ? a.substring(0, 20) + "... (" + a.length() + " chars)" : "'" + a + "'";
            cases.add(new Hostile("GSP PUT with " + label, "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:token"), headers,
                    "<urn:a> <urn:b> <urn:c> .".getBytes(StandardCharsets.UTF_8), false, Allowed.REFUSAL));
            List<String> reviewHeaders = new ArrayList<>(List.of("Content-Type: text/plain"));
            if (a != null)
                reviewHeaders.add("Authorization: " + a);
            cases.add(new Hostile("review POST with " + label, "POST", "/api/reviews", reviewHeaders,
                    "Ballerina (2025) is directed by Len Wiseman.".getBytes(StandardCharsets.UTF_8), false, Allowed.REFUSAL));
        }
        cases.add(sendAllowing("token in the query string instead of the header", "POST", "/reelgraph/update?access_token=" + RunningServer.TOKEN,
                "application/sparql-update", "DROP ALL".getBytes(StandardCharsets.UTF_8), Allowed.REFUSAL));
        cases.add(sendAllowing("DROP ALL without a token", "POST", "/reelgraph/update", "application/sparql-update",
                "DROP ALL".getBytes(StandardCharsets.UTF_8), Allowed.REFUSAL));
        cases.add(sendAllowing("DELETE of a graph without a token", "DELETE", "/reelgraph/data?graph=" + enc("https://w3id.org/reelgraph/graph/data/john-wick"),
                null, null, Allowed.REFUSAL));
    }

    private void jsonLd(List<Hostile> cases) {
        String deep = "{\"@id\": \"urn:a\", \"urn:p\": " + "[".repeat(5000) + "1" + "]".repeat(5000) + "}";
        cases.add(send("JSON-LD arrays nested 5,000 deep", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:jsonld-deep"),
                "application/ld+json", deep.getBytes(StandardCharsets.UTF_8), TOKEN));
        String deepObjects = "{\"@id\": \"urn:a\", \"urn:p\": " + "{\"urn:q\": ".repeat(3000) + "1" + "}".repeat(3000) + "}";
        cases.add(send("JSON-LD objects nested 3,000 deep", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:jsonld-deep-objects"),
                "application/ld+json", deepObjects.getBytes(StandardCharsets.UTF_8), TOKEN));
        // Billion laughs in JSON-LD: contexts that each import the next, here all remote, so none may be fetched.
        String laughs = "{\"@context\": [\"" + forbidden("lol1") + "\", \"" + forbidden("lol2") + "\", {\"@import\": \"" + forbidden("lol3")
                + "\"}], \"@id\": \"urn:a\", \"lol\": \"x\"}";
        cases.add(send("JSON-LD billion laughs through remote contexts", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:laughs"),
                "application/ld+json", laughs.getBytes(StandardCharsets.UTF_8), TOKEN));
        StringBuilder inline = new StringBuilder("{\"@context\": {");
        for (int i = 0; i < 40; i++)
            inline.append(i == 0 ? "" : ", ").append("\"t").append(i).append("\": {\"@id\": \"urn:t").append(i).append("\", \"@context\": {\"t")
                    .append(i + 1).append("\": \"urn:u").append(i).append("\"}}");
        inline.append("}, \"@id\": \"urn:a\", \"t0\": \"").append("x".repeat(100)).append("\"");
        cases.add(sendAllowing("JSON-LD forty chained scoped contexts (inline, so allowed)", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:scoped"),
                "application/ld+json", (inline + "}").getBytes(StandardCharsets.UTF_8), Allowed.ANY_BELOW_500, TOKEN));
        cases.add(send("JSON-LD remote @context over GSP POST", "POST", "/reelgraph/data?graph=" + enc("urn:hostile:remote-post"),
                "application/ld+json", ("{\"@context\": \"" + forbidden("ctx") + "\", \"@id\": \"urn:a\", \"name\": \"x\"}").getBytes(StandardCharsets.UTF_8), TOKEN));
        cases.add(send("JSON-LD remote document through @graph and @included", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:remote-included"),
                "application/ld+json", ("{\"@context\": {\"@vocab\": \"urn:v#\"}, \"@included\": [{\"@context\": \"" + forbidden("included")
                        + "\", \"@id\": \"urn:b\", \"name\": \"y\"}]}").getBytes(StandardCharsets.UTF_8), TOKEN));
    }

    private void misc(List<Hostile> cases) {
        cases.add(sendAllowing("unknown content type for a GSP PUT", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:type"),
                "application/x-bogus", "x".getBytes(StandardCharsets.UTF_8), Allowed.REFUSAL, TOKEN));
        cases.add(sendAllowing("graph name with spaces", "PUT", "/reelgraph/data?graph=" + enc("not an iri"),
                "text/turtle", "<urn:a> <urn:b> <urn:c> .".getBytes(StandardCharsets.UTF_8), Allowed.REFUSAL, TOKEN));
        cases.add(sendAllowing("Accept header of garbage on /id", "GET", "/id/film/ballerina-2025", null, null, Allowed.ANY_BELOW_500,
                "Accept: ;;;;q=abc,,,"));
        cases.add(sendAllowing("Accept with q over 1 on the API", "GET", "/api/films/ballerina-2025", null, null, Allowed.ANY_BELOW_500,
                "Accept: application/json;q=99"));
        cases.add(sendAllowing("If-Modified-Since of garbage on a dump", "GET", "/dumps/reelgraph.nt", null, null, Allowed.ANY_BELOW_500,
                "If-Modified-Since: yesterday-ish"));
        cases.add(sendAllowing("Range of garbage on a dump", "GET", "/dumps/reelgraph.nt", null, null, Allowed.ANY_BELOW_500, "Range: bytes=-"));
        cases.add(sendAllowing("Range past the end of a dump", "GET", "/dumps/reelgraph.nt", null, null, Allowed.ANY_BELOW_500, "Range: bytes=999999999-"));
        cases.add(sendAllowing("chronology with a script as order", "GET", "/api/franchises/john-wick/chronology?order=%3Cscript%3E", null, null, Allowed.REFUSAL));
        cases.add(sendAllowing("unknown method", "BREW", "/api/franchises", null, null, Allowed.REFUSAL));
        cases.add(sendAllowing("review that names no film", "POST", "/api/reviews", "text/plain",
                "It was a film. There were people in it.".getBytes(StandardCharsets.UTF_8), Allowed.REFUSAL, TOKEN));
        cases.add(sendAllowing("empty review", "POST", "/api/reviews", "text/plain", new byte[0], Allowed.REFUSAL, TOKEN));
        cases.add(sendAllowing("review as JSON", "POST", "/api/reviews", "application/json", "{\"text\": \"x\"}".getBytes(StandardCharsets.UTF_8),
                Allowed.REFUSAL, TOKEN));
        cases.add(sendAllowing("review with NUL bytes", "POST", "/api/reviews", "text/plain",
                "Ballerina (2025)\u0000\u0000 directed by Len Wiseman".getBytes(StandardCharsets.UTF_8), Allowed.REFUSAL, TOKEN));
        cases.add(sendAllowing("Content-Encoding gzip of garbage", "PUT", "/reelgraph/data?graph=" + enc("urn:hostile:gzip"), "text/turtle",
                "not gzip at all".getBytes(StandardCharsets.UTF_8), Allowed.REFUSAL, TOKEN, "Content-Encoding: gzip"));
    }

    /** Each hostile label on its /id page (HTML), and in the JSON the web UI renders (as text, see uiScriptsNeverInsertMarkup). */
    private void labels(List<Hostile> cases) {
        for (int i = 0; i < HOSTILE_LABELS.size(); i++) {
            String label = HOSTILE_LABELS.get(i);
            String markup = label.contains("<") ? label.substring(label.indexOf('<')) : label.contains("'") ? label : null;
            cases.add(new Hostile("label " + (i + 1) + " on its /id page: " + label, "GET", "/id/film/hostile-label-" + i + "-2030",
                    List.of("Accept: text/html"), null, false, Allowed.ANY_BELOW_500, markup));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Builders

    private static boolean parses(String query) {
        try {
            org.apache.jena.query.QueryFactory.create(query);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Hostile get(String name, String target) {
        return new Hostile(name, "GET", target, List.of(), null, false, Allowed.REFUSAL);
    }

    private static Hostile post(String name, String target, String type, byte[] body) {
        return new Hostile(name, "POST", target, List.of("Content-Type: " + type), body, false, Allowed.REFUSAL);
    }

    private static Hostile send(String name, String method, String target, String type, byte[] body, String... headers) {
        return sendAllowing(name, method, target, type, body, Allowed.REFUSAL, headers);
    }

    private static Hostile sendAllowing(String name, String method, String target, String type, byte[] body, Allowed allowed, String... headers) {
        List<String> all = new ArrayList<>();
        if (type != null)
            all.add("Content-Type: " + type);
        all.addAll(List.of(headers));
        return new Hostile(name, method, target, all, body, false, allowed);
    }

    private static String listener(String path) {
        return "http://127.0.0.1:" + LISTENER_PORT.get() + path;
    }

    private static String forbidden(String path) {
        return listener("/forbidden/" + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts)
            out.writeBytes(p);
        return out.toByteArray();
    }
}
