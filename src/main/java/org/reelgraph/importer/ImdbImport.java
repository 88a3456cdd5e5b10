package org.reelgraph.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.reelgraph.vocab.ExternalIds;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;
import org.reelgraph.vocab.Prefixes;
import org.reelgraph.vocab.RG;
import org.reelgraph.vocab.Slugs;

/**
 * IMDb's non-commercial dataset files → reelgraph triples, streaming. Three steps:
 * {@link #collect} reads the files once, checks every row and keeps only compact id → slug tables
 * of the titles that pass the filters and the persons they credit; {@link #resolve} gives each an
 * IRI (joined onto what the store knows by IMDb id, else a slug); {@link #emit} reads the files again
 * and writes the triples. Everything a bad row can break is found in the first step, so a
 * {@code --strict} import fails before anything is written.
 */
public final class ImdbImport {
    public static final Node GRAPH = NodeFactory.createURI(Iris.GRAPH_BASE + "import/imdb");

    static final List<String> BASICS = List.of("tconst", "titleType", "primaryTitle", "originalTitle", "isAdult", "startYear", "endYear", "runtimeMinutes", "genres");
    static final List<String> PRINCIPALS = List.of("tconst", "ordering", "nconst", "category", "job", "characters");
    static final List<String> NAMES = List.of("nconst", "primaryName", "birthYear", "deathYear", "primaryProfession", "knownForTitles");
    static final List<String> RATINGS = List.of("tconst", "averageRating", "numVotes");
    static final List<String> EPISODES = List.of("tconst", "parentTconst", "seasonNumber", "episodeNumber");

    private static final Node SAME_AS = NodeFactory.createURI(Prefixes.SCHEMA + "sameAs");
    private static final Node GENRE = NodeFactory.createURI(Prefixes.SCHEMA + "genre");
    private static final Node TYPE = RDF.type.asNode();
    private static final Node LABEL = RDFS.label.asNode();
    private static final Node ALT_LABEL = SKOS.altLabel.asNode();
    private static final int EARLIEST_YEAR = 1870;
    private static final int LATEST_YEAR = 2200;

    /**
     * Which titles to keep: {@code types} are IMDb titleType values; {@code minVotes} 0 keeps unrated
     * titles too; {@code since} 0 keeps every year; adult titles only when asked for.
     */
    public record Options(Set<String> types, int minVotes, int since, boolean adult) {
        public static final Set<String> DEFAULT_TYPES = Set.of("movie");

        public Options {
            types = Set.copyOf(types);
            for (String type : types)
                if (ImdbTitleType.code(type).isEmpty())
                    throw new IllegalArgumentException("--types: '" + type + "' is not an IMDb title type reelgraph imports; use any of "
                            + String.join(",", ImdbTitleType.supported()));
        }

        public static Options defaults() {
            return new Options(DEFAULT_TYPES, 0, 0, false);
        }
    }

    /** What the import kept and skipped. */
    public record Summary(long titles, long persons, long credits, long badRows, Map<String, Long> skipped) {}

    private final TsvFile basics;
    private final TsvFile principals;
    private final TsvFile names;
    private final TsvFile ratings;
    private final TsvFile episodes;
    private final Options options;
    private final ImportProblems problems;
    private final ImportProgress progress;
    private final JsonFactory json = new JsonFactory();

    private final IdTable titles = new IdTable(Kind.FILM, n -> imdbId("tt", n), ExternalIds::imdbUrl);
    private final IdTable persons = new IdTable(Kind.PERSON, n -> imdbId("nm", n), ExternalIds::imdbUrl);
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private long credits;

    public ImdbImport(Path dir, Options options, ImportProblems problems, ImportProgress progress) {
        this.basics = new TsvFile(dir.resolve("title.basics.tsv.gz"), BASICS);
        this.principals = new TsvFile(dir.resolve("title.principals.tsv.gz"), PRINCIPALS);
        this.names = new TsvFile(dir.resolve("name.basics.tsv.gz"), NAMES);
        this.ratings = new TsvFile(dir.resolve("title.ratings.tsv.gz"), RATINGS);
        this.episodes = new TsvFile(dir.resolve("title.episode.tsv.gz"), EPISODES);
        this.options = options;
        this.problems = problems;
        this.progress = progress;
    }

    /** The files this import reads (for provenance), the optional ones only when present. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>(List.of(basics.path(), principals.path(), names.path()));
        if (ratings.exists())
            files.add(ratings.path());
        if (episodes.exists() && options.types().stream().anyMatch(t -> ImdbTitleType.code(t).orElse((byte) -1) == ImdbTitleType.SERIES))
            files.add(episodes.path());
        return files;
    }

    /** Reads and checks every file once; keeps the ids and slugs of the titles and persons to import. */
    public void collect() {
        for (TsvFile required : List.of(basics, principals, names))
            if (!required.exists())
                throw new ImportException(required.name() + ": missing in " + required.path().getParent()
                        + " (download it from https://datasets.imdbws.com/)");
        BitSet rated = null;
        if (options.minVotes() > 0) {
            if (!ratings.exists())
                throw new ImportException("--min-votes needs " + ratings.name() + " in " + ratings.path().getParent());
            rated = ratedTitles();
        }
        collectTitles(rated);
        BitSet credited = creditedPersons();
        collectPersons(credited);
    }

    /** Gives every kept title and person its IRI; {@code known} answers for the rest of the store. */
    public void resolve(KnownResources known) {
        titles.resolve(known);
        persons.resolve(known);
    }

    /** Reads the files again and writes the triples; returns how many. */
    public long emit(StreamRDF out) {
        long[] count = new long[1];
        StreamRDF counted = new org.apache.jena.riot.system.StreamRDFWrapper(out) {
            @Override
            public void triple(Triple triple) {
                count[0]++;
                super.triple(triple);
            }
        };
        emitTitles(counted);
        emitCredits(counted);
        emitPersons(counted);
        if (files().contains(episodes.path()))
            emitSeasons(counted);
        return count[0];
    }

    public Summary summary() {
        return new Summary(titles.size(), persons.size(), credits, problems.count(), Map.copyOf(skipped));
    }

    // --- collect ---------------------------------------------------------------------------

    /** IMDb ids are small non-negative ints (tt0000001 … about tt40000000): a bit per id is a few MB. */
    private BitSet ratedTitles() {
        BitSet rated = new BitSet();
        ratings.read(problems, progress, "1/1", row -> {
            int id = id(row, 0, "tt", ratings);
            Integer votes = integer(row, 2, ratings, "numVotes");
            if (id < 0 || votes == null)
                return;
            if (votes >= options.minVotes())
                rated.set(id);
        });
        return rated;
    }

    private void collectTitles(BitSet rated) {
        basics.read(problems, progress, "1/2", row -> {
            TitleRow title = titleRow(row, problems);
            if (title == null)
                return;
            if (!options.types().contains(title.type()) || (title.adult() && !options.adult()))
                return;
            if (rated != null && !rated.get(title.id())) {
                skip("titles under --min-votes");
                return;
            }
            if (title.year() == 0) {
                // A reelgraph film needs its release year (and its slug ends with it); IMDb has none for unreleased titles.
                skip("titles without a start year (unreleased)");
                return;
            }
            if (options.since() > 0 && title.year() < options.since()) {
                skip("titles before --since");
                return;
            }
            titles.add(title.id(), slugOr(title.primaryTitle(), "tt", title.id()), title.year(), ImdbTitleType.code(title.type()).orElseThrow());
        });
    }

    private BitSet creditedPersons() {
        BitSet credited = new BitSet();
        principals.read(problems, progress, "1/2", row -> {
            CreditRow credit = creditRow(row, problems);
            if (credit != null && credit.role() != Role.OTHER && titles.indexOf(credit.title()) >= 0)
                credited.set(credit.person());
        });
        return credited;
    }

    private void collectPersons(BitSet credited) {
        names.read(problems, progress, "1/2", row -> {
            int id = id(row, 0, "nm", names);
            if (id < 0)
                return;
            String name = row.get(1);
            if (row.isNull(1) || name.isBlank()) {
                problems.report(names.name(), row.line(), "primaryName is empty");
                return;
            }
            if (credited.get(id))
                persons.add(id, slugOr(name, "nm", id), 0, (byte) 0);
        });
    }

    // --- emit ------------------------------------------------------------------------------

    private void emitTitles(StreamRDF out) {
        ImportProblems muted = ImportProblems.muted();
        basics.read(muted, progress, "2/2", row -> {
            TitleRow title = titleRow(row, muted);
            if (title == null)
                return;
            int index = titles.indexOf(title.id());
            if (index < 0)
                return;
            Node work = NodeFactory.createURI(titles.iri(index));
            out.triple(Triple.create(work, TYPE, ImdbTitleType.rdfClass(titles.classCode(index))));
            // A resource another source already names keeps its label; IMDb's title is an alternative then.
            out.triple(Triple.create(work, titles.isJoined(index) ? ALT_LABEL : LABEL, NodeFactory.createLiteralLang(title.primaryTitle(), "en")));
            if (!title.originalTitle().equals(title.primaryTitle()) && !row.isNull(3))
                out.triple(Triple.create(work, ALT_LABEL, NodeFactory.createLiteralString(title.originalTitle())));
            out.triple(Triple.create(work, RG.releaseYear, NodeFactory.createLiteralDT(Integer.toString(title.year()), XSDDatatype.XSDgYear)));
            if (!row.isNull(8))
                for (String genre : row.get(8).split(","))
                    out.triple(Triple.create(work, GENRE, NodeFactory.createLiteralString(genre)));
            out.triple(Triple.create(work, SAME_AS, NodeFactory.createURI(ExternalIds.imdbUrl(titles.externalId(index)))));
        });
    }

    private void emitCredits(StreamRDF out) {
        ImportProblems muted = ImportProblems.muted();
        principals.read(muted, progress, "2/2", row -> {
            CreditRow credit = creditRow(row, muted);
            if (credit == null || credit.role() == Role.OTHER)
                return;
            int title = titles.indexOf(credit.title());
            if (title < 0)
                return;
            int person = persons.indexOf(credit.person());
            if (person < 0) {
                skip("credits naming a person missing from name.basics");
                return;
            }
            credits++;
            Node work = NodeFactory.createURI(titles.iri(title));
            Node actor = NodeFactory.createURI(persons.iri(person));
            if (credit.role() == Role.DIRECTOR) {
                out.triple(Triple.create(work, RG.directedBy, actor));
                return;
            }
            out.triple(Triple.create(work, RG.starring, actor));
            for (int i = 0; i < credit.characters().size(); i++) {
                String name = credit.characters().get(i);
                String slug = slugOrNull(name);
                if (slug == null)
                    continue;
                Node character = NodeFactory.createURI(Iris.ID_BASE + Kind.CHARACTER.segment() + "/" + slug);
                // A stable label: the same import gives the same performance nodes.
                Node performance = NodeFactory.createBlankNode("imdb-" + row.get(0) + "-" + row.get(1) + "-" + i);
                out.triple(Triple.create(work, RG.performance, performance));
                out.triple(Triple.create(performance, TYPE, RG.Performance));
                out.triple(Triple.create(performance, RG.actor, actor));
                out.triple(Triple.create(performance, RG.character, character));
                out.triple(Triple.create(character, TYPE, RG.Character));
                out.triple(Triple.create(character, LABEL, NodeFactory.createLiteralLang(name, "en")));
            }
        });
    }

    private void emitPersons(StreamRDF out) {
        ImportProblems muted = ImportProblems.muted();
        names.read(muted, progress, "2/2", row -> {
            int id = id(row, 0, "nm", muted, names);
            int index = id < 0 ? -1 : persons.indexOf(id);
            if (index < 0 || row.isNull(1) || row.get(1).isBlank())
                return;
            Node person = NodeFactory.createURI(persons.iri(index));
            out.triple(Triple.create(person, TYPE, RG.Person));
            out.triple(Triple.create(person, persons.isJoined(index) ? ALT_LABEL : LABEL, NodeFactory.createLiteralLang(row.get(1), "en")));
            out.triple(Triple.create(person, SAME_AS, NodeFactory.createURI(ExternalIds.imdbUrl(persons.externalId(index)))));
        });
    }

    /** The seasons of the kept series, from the episodes that name them. */
    private void emitSeasons(StreamRDF out) {
        LongList seasons = new LongList();
        episodes.read(problems, progress, "1/1", row -> {
            int parent = id(row, 1, "tt", episodes);
            if (parent < 0 || row.isNull(2))
                return;
            Integer season = integer(row, 2, episodes, "seasonNumber");
            int index = titles.indexOf(parent);
            if (season == null || season < 1 || index < 0 || titles.classCode(index) != ImdbTitleType.SERIES)
                return;
            seasons.add(((long) index << 32) | season);
        });
        for (long key : seasons.sortedDistinct()) {
            int index = (int) (key >>> 32);
            int number = (int) key;
            Node series = NodeFactory.createURI(titles.iri(index));
            Node season = NodeFactory.createBlankNode("imdb-" + titles.externalId(index) + "-season-" + number);
            out.triple(Triple.create(series, RG.season, season));
            out.triple(Triple.create(season, TYPE, RG.Season));
            out.triple(Triple.create(season, RG.seasonNumber, NodeFactory.createLiteralDT(Integer.toString(number), XSDDatatype.XSDinteger)));
        }
    }

    // --- rows ------------------------------------------------------------------------------

    private record TitleRow(int id, String type, String primaryTitle, String originalTitle, boolean adult, int year) {}

    private enum Role { DIRECTOR, ACTOR, OTHER }

    private record CreditRow(int title, int person, Role role, List<String> characters) {}

    /** A checked title.basics row, or null (reported) when it is malformed. */
    private TitleRow titleRow(TsvFile.Row row, ImportProblems report) {
        int id = id(row, 0, "tt", report, basics);
        if (id < 0)
            return null;
        if (row.isNull(2) || row.get(2).isBlank()) {
            report.report(basics.name(), row.line(), "primaryTitle is empty");
            return null;
        }
        String adult = row.get(4);
        if (!adult.equals("0") && !adult.equals("1")) {
            report.report(basics.name(), row.line(), "isAdult is '" + adult + "', not 0 or 1");
            return null;
        }
        int year = 0;
        if (!row.isNull(5)) {
            Integer parsed = integer(row, 5, report, basics, "startYear");
            if (parsed == null)
                return null;
            if (parsed < EARLIEST_YEAR || parsed > LATEST_YEAR) {
                report.report(basics.name(), row.line(), "startYear " + parsed + " is not a plausible release year");
                return null;
            }
            year = parsed;
        }
        return new TitleRow(id, row.get(1), row.get(2), row.get(3), adult.equals("1"), year);
    }

    /** A checked title.principals row (with its characters parsed), or null (reported). */
    private CreditRow creditRow(TsvFile.Row row, ImportProblems report) {
        int title = id(row, 0, "tt", report, principals);
        int person = title < 0 ? -1 : id(row, 2, "nm", report, principals);
        if (person < 0)
            return null;
        if (integer(row, 1, report, principals, "ordering") == null)
            return null;
        Role role = switch (row.get(3)) {
            case "director" -> Role.DIRECTOR;
            case "actor", "actress" -> Role.ACTOR;
            default -> Role.OTHER;
        };
        List<String> characters = List.of();
        if (!row.isNull(5)) {
            characters = characters(row.get(5));
            if (characters == null) {
                report.report(principals.name(), row.line(), "characters is not a JSON array of strings: " + shorten(row.get(5)));
                return null;
            }
        }
        return new CreditRow(title, person, role, characters);
    }

    /** {@code ["John Wick"]} → the names; null when it is not a JSON array of strings. */
    private List<String> characters(String text) {
        try (JsonParser parser = json.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY)
                return null;
            List<String> names = new ArrayList<>(2);
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING)
                names.add(parser.getText());
            if (token != JsonToken.END_ARRAY || parser.nextToken() != null)
                return null;
            return names;
        } catch (IOException e) {
            return null;
        }
    }

    private int id(TsvFile.Row row, int column, String prefix, TsvFile file) {
        return id(row, column, prefix, problems, file);
    }

    /** {@code tt0133093} → 133093; -1 (reported) when the column is not such an id. */
    private static int id(TsvFile.Row row, int column, String prefix, ImportProblems report, TsvFile file) {
        String text = row.get(column);
        int id = parseId(text, prefix);
        if (id < 0)
            report.report(file.name(), row.line(), "'" + shorten(text) + "' is not an IMDb id (" + prefix + " and at least 7 digits)");
        return id;
    }

    static int parseId(String text, String prefix) {
        if (!text.startsWith(prefix) || !ExternalIds.isImdbId(text))
            return -1;
        String digits = text.substring(2);
        // Seven digits, zero-padded, or more without padding: then the id prints back as it was.
        if (digits.length() > 7 && digits.charAt(0) == '0')
            return -1;
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code ("tt", 133093)} → {@code tt0133093}; hot (once per credit), so no String.format. */
    static String imdbId(String prefix, int number) {
        String digits = Integer.toString(number);
        StringBuilder sb = new StringBuilder(prefix.length() + Math.max(7, digits.length())).append(prefix);
        for (int i = digits.length(); i < 7; i++)
            sb.append('0');
        return sb.append(digits).toString();
    }

    private Integer integer(TsvFile.Row row, int column, TsvFile file, String what) {
        return integer(row, column, problems, file, what);
    }

    private static Integer integer(TsvFile.Row row, int column, ImportProblems report, TsvFile file, String what) {
        try {
            return Integer.parseInt(row.get(column));
        } catch (NumberFormatException e) {
            report.report(file.name(), row.line(), what + " is '" + shorten(row.get(column)) + "', not a whole number");
            return null;
        }
    }

    private void skip(String why) {
        skipped.merge(why, 1L, Long::sum);
    }

    /** The slug of a name, or {@code prefix+id} when the name has no ASCII letters or digits (七人の侍). */
    private static String slugOr(String name, String prefix, int id) {
        String slug = slugOrNull(name);
        return slug != null ? slug : imdbId(prefix, id);
    }

    private static String slugOrNull(String name) {
        try {
            return Slugs.of(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
