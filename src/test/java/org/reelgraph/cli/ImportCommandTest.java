package org.reelgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import imdb} and {@code import wikidata} on fixtures in the formats IMDb and Wikidata
 * publish (real ids of the John Wick and Matrix films and their people), against the curated data.
 */
class ImportCommandTest {
    private static final Path IMDB = Path.of("src/test/resources/import/imdb");
    private static final Path WIKIDATA = Path.of("src/test/resources/import/wikidata-john-wick.json.gz");
    private static final String ID = "https://w3id.org/reelgraph/id/";
    private static final String GRAPH = "https://w3id.org/reelgraph/graph/";
    private static final String PREFIXES = "PREFIX rg: <https://w3id.org/reelgraph/ontology#> PREFIX schema: <https://schema.org/> "
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX owl: <http://www.w3.org/2002/07/owl#> ";

    @TempDir
    Path tmp;

    private String db() {
        return tmp.resolve("tdb2").toString();
    }

    private void loadCurated() {
        CliTest.Run load = CliTest.run("load", "--db", db(), "ontology/reelgraph.ttl", "data");
        assertEquals(0, load.exit(), load.err());
    }

    private CliTest.Run importImdb(String... more) {
        return CliTest.run(concat(new String[] {"import", "imdb", "--no-progress", "--db", db()}, more));
    }

    private CliTest.Run importWikidata(String... more) {
        return CliTest.run(concat(new String[] {"import", "wikidata", "--no-progress", "--db", db()}, more));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The rows of a CSV answer, without the header. */
    private List<String> select(String query) {
        CliTest.Run run = CliTest.run("query", "--db", db(), "--format", "csv", PREFIXES + query);
        assertEquals(0, run.exit(), run.err());
        return run.out().lines().skip(1).sorted().toList();
    }

    @Test
    void imdbImportJoinsTheCuratedFilmsByImdbIdAndGivesNewOnesSlugIris() {
        loadCurated();
        CliTest.Run run = importImdb(IMDB.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("imported 7 titles, 12 persons"), run.err());
        assertTrue(run.err().contains("<" + GRAPH + "import/imdb>"), run.err());
        // The curated film's IRI, found by its schema:sameAs IMDb page.
        assertEquals(List.of("John Wick: Chapter 3 - Parabellum"), select("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?l { GRAPH <"
                + GRAPH + "import/imdb> { <" + ID + "film/john-wick-chapter-3-parabellum-2019> skos:altLabel ?l } }"));
        // New films and persons: slugs by DESIGN.md section 2, films ending with the year.
        assertEquals(List.of("1999"), select("SELECT ?y { <" + ID + "film/the-matrix-1999> rg:releaseYear ?y }"));
        assertEquals(List.of(ID + "person/lana-wachowski", ID + "person/lilly-wachowski"),
                select("SELECT ?d { <" + ID + "film/the-matrix-1999> rg:directedBy ?d }"));
        // A curated person without an IMDb id, same name: the same person.
        assertEquals(List.of("https://www.imdb.com/name/nm0000206/"), select("SELECT ?i { <" + ID + "person/keanu-reeves> schema:sameAs ?i }"));
        assertEquals(List.of(ID + "character/neo"), select("SELECT ?c { <" + ID + "film/the-matrix-1999> rg:performance [ rg:actor <"
                + ID + "person/keanu-reeves> ; rg:character ?c ] }"));
        assertEquals(List.of("Action", "Sci-Fi"), select("SELECT ?g { <" + ID + "film/the-matrix-1999> schema:genre ?g }"));
        // Shorts only with --types; persons credited only by dropped titles are not imported.
        assertEquals(List.of(), select("SELECT ?s { ?s schema:sameAs <https://www.imdb.com/title/tt0000001/> }"));
        assertEquals(List.of(), select("SELECT ?s { ?s schema:sameAs <https://www.imdb.com/name/nm0000001/> }"));
        // Provenance: the files, their sizes and checksums.
        List<String> files = select("PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?name { GRAPH <"
                + GRAPH + "meta> { <" + GRAPH + "import/imdb> prov:wasDerivedFrom [ dcterms:source ?name ; rg:sha256 ?sha ] } }");
        assertEquals(List.of("name.basics.tsv.gz", "title.basics.tsv.gz", "title.principals.tsv.gz", "title.ratings.tsv.gz"), files);
    }

    @Test
    void johnWickChapterFourFromCuratedDataImdbAndWikidataIsOneFilmInThreeGraphs() {
        loadCurated();
        assertEquals(0, importImdb(IMDB.toString()).exit());
        CliTest.Run wikidata = importWikidata(WIKIDATA.toString());
        assertEquals(0, wikidata.exit(), wikidata.err());
        assertTrue(wikidata.err().contains("imported 2 films, 1 franchises, 3 persons"), wikidata.err());
        String film = "<" + ID + "film/john-wick-chapter-4-2023>";
        assertEquals(List.of(GRAPH + "data/john-wick", GRAPH + "import/imdb", GRAPH + "import/wikidata"),
                select("SELECT DISTINCT ?g { GRAPH ?g { " + film + " a rg:Film } }"));
        assertEquals(List.of("http://www.wikidata.org/entity/Q63985561"), select("SELECT ?w { " + film + " owl:sameAs ?w }"));
        // The curated release date stays the only one: Wikidata's earliest (2023-03-22) would be a second.
        assertEquals(List.of("2023-03-24"), select("SELECT ?d { " + film + " rg:releaseDate ?d }"));
        // Series → the curated franchise (same name, no other Wikidata id); the ordinal on the membership.
        assertEquals(List.of(GRAPH + "data/john-wick", GRAPH + "import/wikidata"),
                select("SELECT DISTINCT ?g { GRAPH ?g { " + film + " rg:partOfFranchise <" + ID + "franchise/john-wick> } }"));
        assertEquals(List.of("4"), select("SELECT ?n { ?r rdf:reifies <<( " + film + " rg:partOfFranchise <" + ID
                + "franchise/john-wick> )>> ; rg:seriesOrdinal ?n }"));
        // People join across all three: Keanu by slug (curated) then IMDb id (Wikidata P345); Donnie Yen by IMDb id.
        assertEquals(List.of(GRAPH + "import/imdb", GRAPH + "import/wikidata"),
                select("SELECT DISTINCT ?g { GRAPH ?g { " + film + " rg:starring <" + ID + "person/donnie-yen> } }"));
        assertEquals(List.of(GRAPH + "data/john-wick", GRAPH + "import/imdb", GRAPH + "import/wikidata"),
                select("SELECT DISTINCT ?g { GRAPH ?g { " + film + " rg:starring <" + ID + "person/keanu-reeves> } }"));
        // Release sequence, not story order.
        assertEquals(List.of(ID + "film/john-wick-chapter-3-parabellum-2019"), select("SELECT ?f { " + film + " rg:follows ?f }"));
        // And the chronology is the curated one still: Ballerina between Chapter 3 and 4.
        CliTest.Run story = CliTest.run("chronology", "john-wick", "--db", db());
        assertEquals(0, story.exit(), story.err());
        assertTrue(story.out().contains("  4. From the World of John Wick: Ballerina (2025-06-06)"), story.out());
        assertTrue(story.out().contains("  5. John Wick: Chapter 4 (2023-03-24)"), story.out());
        // Curated labels stay the display names; the imported titles are alternative labels.
        assertTrue(story.out().contains("  3. John Wick: Chapter 3 – Parabellum"), story.out());
    }

    @Test
    void wikidataFirstThenImdbJoinOnTheSameIrisAndBzip2ReadsLikeGzip() {
        CliTest.Run wikidata = importWikidata(WIKIDATA.toString().replace(".gz", ".bz2"));
        assertEquals(0, wikidata.exit(), wikidata.err());
        assertTrue(wikidata.err().contains("bulk-loaded into the empty store"), wikidata.err());
        assertEquals(0, importImdb(IMDB.toString()).exit());
        assertEquals(List.of(GRAPH + "import/imdb", GRAPH + "import/wikidata"),
                select("SELECT DISTINCT ?g { GRAPH ?g { <" + ID + "film/john-wick-chapter-4-2023> a rg:Film } }"));
        assertEquals(List.of(GRAPH + "import/imdb", GRAPH + "import/wikidata"),
                select("SELECT DISTINCT ?g { GRAPH ?g { <" + ID + "person/chad-stahelski> a rg:Person } }"));
        // An imported franchise has a chronology at once: release order, and story order placed by release date.
        CliTest.Run story = CliTest.run("chronology", "john-wick", "--db", db(), "--format", "json");
        assertEquals(0, story.exit(), story.err());
        assertTrue(story.out().indexOf("john-wick-chapter-3-parabellum-2019") < story.out().indexOf("john-wick-chapter-4-2023"), story.out());
        assertTrue(story.out().contains("\"placement\" : \"release-date\""), story.out());
    }

    @Test
    void filtersKeepTypesVotesAndYears() {
        CliTest.Run run = importImdb(IMDB.toString(), "--types", "movie,short", "--min-votes", "500000", "--since", "1999");
        assertEquals(0, run.exit(), run.err());
        // The Matrix, Reloaded, John Wick, Chapter 2: enough votes and 1999 or later; Carmencita has 2,165 votes.
        assertTrue(run.err().contains("imported 4 titles"), run.err());
        assertTrue(run.err().contains("skipped 4 titles under --min-votes"), run.err());
        assertEquals(2, CliTest.run("import", "imdb", IMDB.toString(), "--types", "tvEpisode").exit());
    }

    @Test
    void aReimportReplacesItsGraphAndNothingElse() throws IOException {
        loadCurated();
        assertEquals(0, importImdb(IMDB.toString()).exit());
        List<String> curated = select("SELECT ?p ?o { GRAPH <" + GRAPH + "data/john-wick> { <" + ID + "film/john-wick-2014> ?p ?o } }");
        Path smaller = copyFixture();
        rewrite(smaller.resolve("title.basics.tsv.gz"), lines -> lines.stream().filter(l -> !l.startsWith("tt0234215")).toList());
        CliTest.Run again = importImdb(smaller.toString());
        assertEquals(0, again.exit(), again.err());
        assertFalse(again.err().contains("bulk"), again.err());
        assertEquals(List.of(), select("SELECT ?p { <" + ID + "film/the-matrix-reloaded-2003> ?p ?o }"));
        assertEquals(List.of("1"), select("SELECT (COUNT(*) AS ?n) { GRAPH <" + GRAPH + "meta> { <" + GRAPH + "import/imdb> a ?t } }"));
        assertEquals(curated, select("SELECT ?p ?o { GRAPH <" + GRAPH + "data/john-wick> { <" + ID + "film/john-wick-2014> ?p ?o } }"));
    }

    @Test
    void badRowsAreReportedCountedAndSkippedOrFailTheImportUnderStrict() throws IOException {
        Path dir = copyFixture();
        rewrite(dir.resolve("title.principals.tsv.gz"), lines -> {
            List<String> out = new java.util.ArrayList<>(lines);
            out.add(3, "tt0133093\t7\tnm0000206\tactor\t\\N");                       // line 4: five columns
            out.add(5, "tt0133093\t8\tnm0000401\tactor\t\\N\t[\"Morpheus\"");       // line 6: bad JSON
            return out;
        });
        loadCurated();
        CliTest.Run lenient = importImdb(dir.toString());
        assertEquals(0, lenient.exit(), lenient.err());
        assertTrue(lenient.err().contains("title.principals.tsv.gz:4: has 5 columns, title.principals.tsv.gz has 6"), lenient.err());
        assertTrue(lenient.err().contains("title.principals.tsv.gz:6: characters is not a JSON array of strings: [\"Morpheus\""), lenient.err());
        assertTrue(lenient.err().contains("2 bad rows were reported and skipped"), lenient.err());

        List<String> before = select("SELECT ?s ?p ?o { GRAPH <" + GRAPH + "import/imdb> { ?s ?p ?o } }");
        Path worse = copyFixture();
        rewrite(worse.resolve("title.principals.tsv.gz"), lines -> {
            List<String> out = new java.util.ArrayList<>(lines.subList(0, lines.size() - 1));
            return out;
        });
        rewrite(worse.resolve("name.basics.tsv.gz"), lines -> {
            List<String> out = new java.util.ArrayList<>(lines);
            out.add("nm9999999\tNobody");
            return out;
        });
        CliTest.Run strict = importImdb(worse.toString(), "--strict");
        assertEquals(1, strict.exit());
        assertTrue(strict.err().startsWith("reelgraph: name.basics.tsv.gz:17: has 2 columns"), strict.err());
        assertEquals(before, select("SELECT ?s ?p ?o { GRAPH <" + GRAPH + "import/imdb> { ?s ?p ?o } }"), "store changed");
    }

    @Test
    void aTruncatedGzipIsReportedWhereItEnds() throws IOException {
        Path dir = copyFixture();
        Path principals = dir.resolve("title.principals.tsv.gz");
        byte[] bytes = Files.readAllBytes(principals);
        Files.write(principals, Arrays.copyOf(bytes, bytes.length - 20));
        CliTest.Run run = importImdb(dir.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().matches("(?s).*title\\.principals\\.tsv\\.gz:\\d+: the gzip data ends early \\(a truncated download\\?\\).*"), run.err());
        CliTest.Run strict = CliTest.run("import", "imdb", "--no-progress", "--strict", "--db", tmp.resolve("other").toString(), dir.toString());
        assertEquals(1, strict.exit());
        assertEquals(List.of(), new java.io.File(tmp.resolve("other").toString()).exists()
                ? CliTest.run("query", "--db", tmp.resolve("other").toString(), "--format", "csv", "SELECT ?g { GRAPH ?g { } }").out().lines().skip(1).toList()
                : List.of());
    }

    @Test
    void aWrongHeaderOrAMissingFileStopsTheImport() throws IOException {
        Path dir = copyFixture();
        rewrite(dir.resolve("name.basics.tsv.gz"), lines -> {
            List<String> out = new java.util.ArrayList<>(lines);
            out.set(0, "nconst\tname\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles");
            return out;
        });
        CliTest.Run run = importImdb(dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("reelgraph: name.basics.tsv.gz:1: the header is 'nconst\\tname\\t"), run.err());
        Files.delete(dir.resolve("name.basics.tsv.gz"));
        CliTest.Run missing = importImdb(dir.toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("name.basics.tsv.gz: missing in"), missing.err());
    }

    @Test
    void anEntityLineThatIsNotJsonIsABadRow() throws IOException {
        List<String> lines = new java.util.ArrayList<>(gunzip(WIKIDATA));
        lines.add(2, "{\"type\":\"item\",\"id\":\"Q1\",\"labels\":{,");
        Path dump = tmp.resolve("broken.json.gz");
        gzip(dump, lines);
        CliTest.Run lenient = importWikidata(dump.toString());
        assertEquals(0, lenient.exit(), lenient.err());
        assertTrue(lenient.err().contains("broken.json.gz:3: not a JSON entity ("), lenient.err());
        CliTest.Run strict = CliTest.run("import", "wikidata", "--no-progress", "--strict", "--db", tmp.resolve("strict").toString(), dump.toString());
        assertEquals(1, strict.exit());
        assertTrue(strict.err().startsWith("reelgraph: broken.json.gz:3: not a JSON entity"), strict.err());
    }

    @Test
    void aWdqsResultImportsLikeADump() throws IOException {
        Path result = tmp.resolve("films.srj");
        Files.writeString(result, """
                {"head": {"vars": ["film", "filmLabel", "date", "imdb", "series", "seriesLabel", "ordinal", "cast", "castLabel", "castImdb", "character", "characterLabel"]},
                 "results": {"bindings": [
                  {"film": {"type": "uri", "value": "http://www.wikidata.org/entity/Q63985561"},
                   "filmLabel": {"xml:lang": "en", "type": "literal", "value": "John Wick: Chapter 4"},
                   "date": {"datatype": "http://www.w3.org/2001/XMLSchema#dateTime", "type": "literal", "value": "2023-03-24T00:00:00Z"},
                   "imdb": {"type": "literal", "value": "tt10366206"},
                   "series": {"type": "uri", "value": "http://www.wikidata.org/entity/Q65056567"},
                   "seriesLabel": {"xml:lang": "en", "type": "literal", "value": "John Wick"},
                   "ordinal": {"type": "literal", "value": "4"},
                   "cast": {"type": "uri", "value": "http://www.wikidata.org/entity/Q43416"},
                   "castLabel": {"xml:lang": "en", "type": "literal", "value": "Keanu Reeves"},
                   "castImdb": {"type": "literal", "value": "nm0000206"},
                   "character": {"type": "uri", "value": "http://www.wikidata.org/entity/Q61683463"},
                   "characterLabel": {"xml:lang": "en", "type": "literal", "value": "John Wick"}},
                  {"filmLabel": {"type": "literal", "value": "no film"}}
                 ]}}
                """);
        CliTest.Run run = importWikidata(result.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("films.srj:15: a binding needs ?film"), run.err());
        assertEquals(List.of(ID + "character/john-wick"), select("SELECT ?c { <" + ID + "film/john-wick-chapter-4-2023> rg:performance [ rg:actor <"
                + ID + "person/keanu-reeves> ; rg:character ?c ] }"));
        assertEquals(List.of("2023-03-24"), select("SELECT ?d { <" + ID + "film/john-wick-chapter-4-2023> rg:releaseDate ?d }"));
    }

    @Test
    void generatedFilesAreDeterministicAndTheirIrisDoNotDependOnRowOrder() throws IOException {
        Path a = tmp.resolve("a");
        Path again = tmp.resolve("again");
        assertEquals(0, CliTest.run("generate", "--imdb", a.toString(), "--titles", "400").exit());
        assertEquals(0, CliTest.run("generate", "--imdb", again.toString(), "--titles", "400").exit());
        for (String file : List.of("title.basics.tsv.gz", "title.principals.tsv.gz", "name.basics.tsv.gz", "title.ratings.tsv.gz"))
            assertEquals(gunzip(a.resolve(file)), gunzip(again.resolve(file)), file);
        Path reversed = tmp.resolve("reversed");
        Files.createDirectories(reversed);
        for (String file : List.of("title.basics.tsv.gz", "title.principals.tsv.gz", "name.basics.tsv.gz", "title.ratings.tsv.gz")) {
            List<String> lines = new java.util.ArrayList<>(gunzip(a.resolve(file)));
            java.util.Collections.reverse(lines.subList(1, lines.size()));
            gzip(reversed.resolve(file), lines);
        }
        String first = tmp.resolve("first").toString();
        String second = tmp.resolve("second").toString();
        assertEquals(0, CliTest.run("import", "imdb", "--no-progress", "--db", first, a.toString(), "--types", "movie,short,tvSeries").exit());
        assertEquals(0, CliTest.run("import", "imdb", "--no-progress", "--db", second, reversed.toString(), "--types", "movie,short,tvSeries").exit());
        String query = PREFIXES + "SELECT ?s ?i { ?s schema:sameAs ?i }";
        List<String> one = CliTest.run("query", "--db", first, "--format", "csv", query).out().lines().sorted().toList();
        List<String> other = CliTest.run("query", "--db", second, "--format", "csv", query).out().lines().sorted().toList();
        assertTrue(one.size() > 1000, "" + one.size());
        List<String> onlyFirst = one.stream().filter(l -> !other.contains(l)).toList();
        List<String> onlySecond = other.stream().filter(l -> !one.contains(l)).toList();
        assertEquals(List.of(), onlyFirst, "only in the first: " + onlyFirst + "; only in the reversed: " + onlySecond);
        // Colliding names got their IMDb id as suffix, films before the year.
        assertTrue(one.stream().anyMatch(l -> l.matches(".*/person/[a-z0-9-]+-nm\\d{7},.*")), "no person collision in the sample");
        assertTrue(one.stream().anyMatch(l -> l.matches(".*/(film|series)/[a-z0-9-]+-tt\\d{7}-\\d{4},.*")), "no title collision in the sample");
    }

    @Test
    void importedDataConformsToTheShapesTogetherWithTheCuratedData() {
        loadCurated();
        assertEquals(0, importImdb(IMDB.toString(), "--types", "movie,short").exit());
        assertEquals(0, importWikidata(WIKIDATA.toString()).exit());
        try (org.reelgraph.store.Store store = org.reelgraph.store.Store.tdb2(Path.of(db()))) {
            var shapes = org.reelgraph.load.ShapesCheck.of(new org.reelgraph.load.Sources(Path.of("")));
            assertEquals(List.of(), store.read(() -> shapes.validate(store.dataset().getUnionGraph())));
        }
    }

    @Test
    void importedSeriesConformToTheShapes() {
        Path files = tmp.resolve("with-series");
        assertEquals(0, CliTest.run("generate", "--imdb", files.toString(), "--titles", "400").exit());
        CliTest.Run run = importImdb(files.toString(), "--types", "movie,tvSeries,tvMiniSeries");
        assertEquals(0, run.exit(), run.err());
        try (org.reelgraph.store.Store store = org.reelgraph.store.Store.tdb2(Path.of(db()))) {
            long series = store.read(() -> org.apache.jena.atlas.iterator.Iter.count(
                    store.dataset().getUnionGraph().find(null, org.apache.jena.vocabulary.RDF.type.asNode(), org.reelgraph.vocab.RG.Series)));
            assertTrue(series > 0, "the generated files hold no TV series");
            var shapes = org.reelgraph.load.ShapesCheck.of(new org.reelgraph.load.Sources(Path.of("")));
            assertEquals(List.of(), store.read(() -> shapes.validate(store.dataset().getUnionGraph())));
        }
    }

    // --- fixture helpers ---------------------------------------------------------------------

    private Path copyFixture() throws IOException {
        Path dir = Files.createTempDirectory(tmp, "imdb");
        try (var files = Files.list(IMDB)) {
            for (Path f : files.toList())
                Files.copy(f, dir.resolve(f.getFileName()));
        }
        return dir;
    }

    static List<String> gunzip(Path file) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    static void gzip(Path file, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void rewrite(Path file, java.util.function.UnaryOperator<List<String>> change) throws IOException {
        gzip(file, change.apply(gunzip(file)));
    }
}
