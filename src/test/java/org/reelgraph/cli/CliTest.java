package org.reelgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process against the project's own files and a TDB2 store in a temp directory. */
class CliTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private String db() {
        return tmp.resolve("tdb2").toString();
    }

    private void loadProject() {
        Run load = run("load", "--db", db(), "ontology/reelgraph.ttl", "data", "seeds");
        assertEquals(0, load.exit(), load.err());
        assertTrue(load.err().contains("data/john-wick.ttl -> <https://w3id.org/reelgraph/graph/data/john-wick>"), load.err());
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        Run help = run("--help");
        assertEquals(0, help.exit());
        for (String command : List.of("serve", "load", "query", "chronology", "dump", "validate"))
            assertTrue(help.out().contains(command), command);
        Run serveHelp = run("serve", "--help");
        assertEquals(0, serveHelp.exit());
        assertTrue(serveHelp.out().contains("--port") && serveHelp.out().contains("--mem"), serveHelp.out());
    }

    @Test
    void wrongCommandOrOptionExitsTwoWithAOneLineHint() {
        Run bogus = run("frobnicate");
        assertEquals(2, bogus.exit());
        assertEquals(1, bogus.err().strip().lines().count(), bogus.err());
        assertTrue(bogus.err().contains("--help"));
        Run option = run("dump", "--colour");
        assertEquals(2, option.exit());
        assertTrue(option.err().contains("'--colour'") && option.err().contains("./reelgraph dump --help"), option.err());
        assertEquals(2, run().exit());
        assertEquals(2, run("chronology", "john-wick", "--format", "yaml").exit());
    }

    @Test
    void validateAcceptsTheProjectAndReportsBrokenFilesByLine() throws IOException {
        assertEquals(0, run("validate").exit());
        Path broken = Files.writeString(tmp.resolve("broken.ttl"), "@prefix rg: <https://w3id.org/reelgraph/ontology#> .\n\n<x> rg:setAfter <y> <z> .\n");
        Run syntax = run("validate", broken.toString());
        assertEquals(1, syntax.exit());
        assertTrue(syntax.err().startsWith(broken + ":3: "), syntax.err());
        Path invalid = Files.writeString(tmp.resolve("invalid.ttl"), """
                @prefix rg: <https://w3id.org/reelgraph/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <https://w3id.org/reelgraph/id/film/no-date-2020> a rg:Film ;
                    rdfs:label "No Date"@en ;
                    rg:partOfFranchise <https://w3id.org/reelgraph/id/franchise/john-wick> .
                """);
        Run shacl = run("validate", invalid.toString());
        assertEquals(1, shacl.exit());
        // A film needs rg:releaseDate or, known only by its year (IMDb), rg:releaseYear: one node-level rule.
        assertTrue(shacl.err().startsWith(invalid + ":3: film:no-date-2020: A film needs its first release: rg:releaseDate"), shacl.err());
    }

    @Test
    void chronologyPrintsBothOrdersAndExitsThreeOnACycle() throws IOException {
        loadProject();
        Run story = run("chronology", "john-wick", "--db", db());
        assertEquals(0, story.exit(), story.err());
        List<String> films = story.out().lines().filter(l -> l.matches("\\s*\\d+\\. .*")).toList();
        assertEquals("John Wick (story order)", story.out().lines().findFirst().orElseThrow());
        assertEquals("  4. From the World of John Wick: Ballerina (2025-06-06)", films.get(3), story.out());
        assertTrue(films.get(4).startsWith("  5. John Wick: Chapter 4"), story.out());
        assertTrue(story.out().contains("       after  John Wick: Chapter 3 – Parabellum: data/john-wick\n"), story.out());
        assertTrue(story.out().contains("       before John Wick: Chapter 4: data/john-wick\n"), story.out());
        Run release = run("chronology", "john-wick", "--order", "release", "--format", "json", "--db", db());
        assertEquals(0, release.exit());
        assertTrue(release.out().indexOf("john-wick-chapter-4-2023") < release.out().indexOf("ballerina-2025"), release.out());
        assertEquals(1, run("chronology", "star-trek", "--db", db()).exit());

        Path cycle = Files.writeString(tmp.resolve("cycle.ttl"), "<https://w3id.org/reelgraph/id/film/john-wick-2014> "
                + "<https://w3id.org/reelgraph/ontology#setAfter> <https://w3id.org/reelgraph/id/film/john-wick-chapter-4-2023> .\n");
        assertEquals(0, run("load", "--db", db(), cycle.toString()).exit());
        Run conflict = run("chronology", "john-wick", "--db", db());
        assertEquals(3, conflict.exit());
        assertTrue(conflict.err().contains("https://w3id.org/reelgraph/graph/data/cycle"), conflict.err());
        assertTrue(conflict.err().contains("John Wick: Chapter 4"), conflict.err());
        Run curatedOnly = run("chronology", "john-wick", "--db", db(), "--source", "data/john-wick");
        assertEquals(0, curatedOnly.exit(), curatedOnly.err());
        Run skipped = run("chronology", "john-wick", "--db", db(), "--on-conflict", "skip-weakest");
        assertEquals(0, skipped.exit(), skipped.err());
        assertTrue(skipped.out().contains("dropped to break a cycle: "), skipped.out());
    }

    @Test
    void queryAnswersFromTheStoreAndRejectsBadSparql() {
        loadProject();
        Run csv = run("query", "--db", db(), "--format", "csv",
                "SELECT ?d { <https://w3id.org/reelgraph/id/film/ballerina-2025> <https://w3id.org/reelgraph/ontology#directedBy> ?d }");
        assertEquals(0, csv.exit(), csv.err());
        assertEquals("d\r\nhttps://w3id.org/reelgraph/id/person/len-wiseman\r\n", csv.out());
        Run file = run("query", "--db", db(), "-f", "queries/films-in-release-order.rq");
        assertEquals(0, file.exit(), file.err());
        assertTrue(file.out().contains("From the World of John Wick: Ballerina"), file.out());
        Run bad = run("query", "--db", db(), "SELECT ?x {");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("reelgraph: query:1: "), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }

    @Test
    void aStoreHeldByAnotherProcessIsAClearError() throws Exception {
        loadProject();
        // A second JVM holds the TDB2 lock, as a running 'serve' would.
        ProcessBuilder serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.reelgraph.cli.Main", "serve", "--port", "0", "--db", db())
                .redirectErrorStream(true);
        serve.environment().put("REELGRAPH_TOKEN", "cli-test-token");
        Process holder = serve.start();
        try {
            String line;
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream()));
            while ((line = reader.readLine()) != null && !line.contains("reelgraph on http"))
                ;
            Run query = run("query", "--db", db(), "ASK {}");
            assertEquals(1, query.exit(), query.err());
            assertTrue(query.err().startsWith("reelgraph: cannot open the store " + db()), query.err());
            assertTrue(query.err().contains("Stop the process using it"), query.err());
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }

    @Test
    void ingestExtractsAReviewIntoItsGraphAndRefusesRdf() throws IOException {
        loadProject();
        Path review = Files.writeString(tmp.resolve("chapter-4-take.txt"),
                "John Wick: Chapter 4 (2023) is a marvel. Director Chad Stahelski outdoes himself.\n\nReview by Sam Torres\n");
        Run ingest = run("ingest", "--db", db(), review.toString());
        assertEquals(0, ingest.exit(), ingest.err());
        assertTrue(ingest.err().contains("<https://w3id.org/reelgraph/graph/review/chapter-4-take>"), ingest.err());
        Run query = run("query", "--db", db(), "--format", "csv", "SELECT ?d { GRAPH <https://w3id.org/reelgraph/graph/review/chapter-4-take> "
                + "{ <https://w3id.org/reelgraph/id/film/john-wick-chapter-4-2023> <https://w3id.org/reelgraph/ontology#directedBy> ?d } }");
        assertEquals("d\r\nhttps://w3id.org/reelgraph/id/person/chad-stahelski\r\n", query.out());
        Run rdf = run("ingest", "--db", db(), "data/john-wick.ttl");
        assertEquals(1, rdf.exit());
        assertTrue(rdf.err().contains("not a review text"), rdf.err());
    }

    @Test
    void extractPrintsTheSeedStatementsWithEvidence() {
        Run extract = run("extract", "seeds/ballerina-2025-review.txt");
        assertEquals(0, extract.exit(), extract.err());
        assertTrue(extract.out().contains("\"predicate\" : \"directedBy\""), extract.out());
        assertTrue(extract.out().contains("\"text\" : \"Director Len Wiseman\""), extract.out());
        assertTrue(!extract.out().contains("Chad Stahelski"), "the rumour stays out");
    }

    @Test
    void dumpWritesEveryTripleOfTheUnion() {
        loadProject();
        Path out = tmp.resolve("dump.nt");
        Run dump = run("dump", "--db", db(), "--format", "nt", "--out", out.toString());
        assertEquals(0, dump.exit(), dump.err());
        var graph = GraphFactory.createDefaultGraph();
        RDFParser.source(out).lang(Lang.NTRIPLES).parse(graph);
        assertTrue(dump.err().contains(String.format("wrote %,d triples", graph.size())), dump.err());
        assertTrue(graph.size() > 350);
    }

    @Test
    void aFailedLoadLeavesTheStoreUnchanged() throws IOException {
        loadProject();
        Path before = tmp.resolve("before.nq");
        assertEquals(0, run("dump", "--db", db(), "--format", "nq", "--out", before.toString()).exit());
        Path good = Files.writeString(tmp.resolve("good.ttl"), "<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n");
        Path bad = Files.writeString(tmp.resolve("bad.ttl"), "<https://example.org/a> <https://example.org/b> .\n");
        Run load = run("load", "--db", db(), good.toString(), bad.toString());
        assertEquals(1, load.exit());
        assertTrue(load.err().startsWith(bad + ":1: "), load.err());
        Path after = tmp.resolve("after.nq");
        assertEquals(0, run("dump", "--db", db(), "--format", "nq", "--out", after.toString()).exit());
        assertEquals(lines(before), lines(after));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
