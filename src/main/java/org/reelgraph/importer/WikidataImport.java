package org.reelgraph.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.OWL;
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
 * Wikidata films → reelgraph triples. A film is an item whose P31 (instance of) is one of
 * {@link #FILM_CLASSES}; from it come P179 part of the series (→ {@code rg:partOfFranchise}, the
 * series an {@code rg:Franchise}; its P1545 ordinal qualifier on a reifier of that statement),
 * P57 director, P161 cast member with P453 character role, the earliest P577 publication date,
 * P345 IMDb id, P155/P156 follows / followed by (release sequence: {@code rg:follows}, never story
 * order), and {@code owl:sameAs} the entity. Two passes over a dump: the films and the ids they
 * name, then the labels (and IMDb ids) of those ids; only films and the items they name are kept.
 */
public final class WikidataImport {
    public static final Node GRAPH = NodeFactory.createURI(Iris.GRAPH_BASE + "import/wikidata");

    /** P31 classes taken as films: film and the subclasses films are usually typed with. */
    static final Map<String, Node> FILM_CLASSES = Map.of(
            "Q11424", RG.Film,       // film
            "Q24869", RG.Film,       // feature film
            "Q202866", RG.Film,      // animated film
            "Q29168811", RG.Film,    // animated feature film
            "Q506240", RG.Film,      // television film
            "Q226730", RG.Film,      // silent film
            "Q229390", RG.Film,      // 3D film
            "Q24862", RG.ShortFilm); // short film

    private static final Node SCHEMA_SAME_AS = NodeFactory.createURI(Prefixes.SCHEMA + "sameAs");
    private static final Node TYPE = RDF.type.asNode();
    private static final Node LABEL = RDFS.label.asNode();
    private static final int DAY_PRECISION = 11;

    public record Summary(long films, long franchises, long persons, long badRows, Map<String, Long> skipped) {}

    /** A film as this import keeps it. {@code date} is an ISO date when the day is known, else null and only {@code year}. */
    record Film(String id, String label, Node type, String date, int year, String imdb, List<SeriesPart> series,
                List<String> directors, List<Credit> cast, List<String> follows, List<String> followedBy) {}

    record SeriesPart(String series, String ordinal) {}

    record Credit(String person, List<String> characters) {}

    /** An item a film names (person, series, character): its label and, for persons, IMDb id. */
    record Item(String label, String imdb) {}

    private final WikidataEntities file;
    private final ImportProblems problems;
    private final ImportProgress progress;
    private final Map<String, Film> films = new TreeMap<>();
    private final Map<String, Item> items = new HashMap<>();
    private final Map<String, String> iris = new HashMap<>();
    /** Films another graph already dates: their Wikidata date would be a second rg:releaseDate. */
    private final Set<String> dated = new HashSet<>();
    /** Ids joined onto a resource another source describes: their labels become alternative labels. */
    private final Set<String> joined = new HashSet<>();
    private final Map<String, Long> skipped = new LinkedHashMap<>();

    public WikidataImport(Path path, ImportProblems problems, ImportProgress progress) {
        this.file = new WikidataEntities(path);
        this.problems = problems;
        this.progress = progress;
    }

    public void collect() {
        if (file.format() == WikidataEntities.Format.SPARQL_RESULT) {
            new WdqsResult(file.name(), problems).read(file, progress, films, items);
            return;
        }
        file.readDump(problems, progress, "1/2", (line, entity) -> {
            Film film = film(entity, line);
            if (film != null)
                films.put(film.id(), film);
        });
        Set<String> named = new HashSet<>();
        for (Film f : films.values()) {
            f.series().forEach(s -> named.add(s.series()));
            named.addAll(f.directors());
            f.cast().forEach(c -> {
                named.add(c.person());
                named.addAll(c.characters());
            });
        }
        named.removeAll(films.keySet());
        ImportProblems muted = ImportProblems.muted();
        file.readDump(muted, progress, "2/2", (line, entity) -> {
            String id = entity.path("id").asText();
            if (named.contains(id)) {
                String label = label(entity);
                if (label != null)
                    items.put(id, new Item(label, string(entity, "P345")));
            }
        });
    }

    /** The film an entity describes, or null when it is not a film (or has no label or date to be one). */
    private Film film(JsonNode entity, long line) {
        String id = entity.path("id").asText();
        JsonNode claims = entity.path("claims");
        Node type = null;
        for (JsonNode statement : statements(claims, "P31")) {
            Node t = FILM_CLASSES.get(itemValue(statement.path("mainsnak")));
            if (t != null && (type == null || t.equals(RG.Film)))
                type = t;
        }
        if (type == null)
            return null;
        String label = label(entity);
        if (label == null) {
            skip("films without an English label");
            return null;
        }
        String earliestDay = null;
        int earliestYear = Integer.MAX_VALUE;
        for (JsonNode statement : statements(claims, "P577")) {
            JsonNode value = statement.path("mainsnak").path("datavalue").path("value");
            String time = value.path("time").asText("");
            int precision = value.path("precision").asInt(0);
            java.util.regex.Matcher m = TIME.matcher(time);
            if (!m.matches()) {
                if (!time.isEmpty())
                    problems.report(file.name(), line, id + " P577: '" + time + "' is not a Wikidata time value");
                continue;
            }
            int year = Integer.parseInt(m.group(1));
            earliestYear = Math.min(earliestYear, year);
            if (precision >= DAY_PRECISION && !m.group(2).equals("00") && !m.group(3).equals("00")) {
                String day = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
                if (earliestDay == null || day.compareTo(earliestDay) < 0)
                    earliestDay = day;
            }
        }
        if (earliestYear == Integer.MAX_VALUE) {
            skip("films without a publication date (P577)");
            return null;
        }
        // The earliest publication: its day when known; just the year when an earlier claim has only a year.
        String date = earliestDay != null && Integer.parseInt(earliestDay.substring(0, 4)) == earliestYear ? earliestDay : null;
        List<SeriesPart> series = new ArrayList<>();
        for (JsonNode statement : statements(claims, "P179")) {
            String s = itemValue(statement.path("mainsnak"));
            if (s != null)
                series.add(new SeriesPart(s, qualifierString(statement, "P1545")));
        }
        List<Credit> cast = new ArrayList<>();
        for (JsonNode statement : statements(claims, "P161")) {
            String person = itemValue(statement.path("mainsnak"));
            if (person == null)
                continue;
            List<String> characters = new ArrayList<>();
            for (JsonNode q : statement.path("qualifiers").path("P453")) {
                String c = itemValue(q);
                if (c != null)
                    characters.add(c);
            }
            cast.add(new Credit(person, List.copyOf(characters)));
        }
        return new Film(id, label, type, date, earliestYear, string(entity, "P345"), List.copyOf(series),
                items(claims, "P57"), List.copyOf(cast), items(claims, "P155"), items(claims, "P156"));
    }

    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("\\+(\\d{4})-(\\d{2})-(\\d{2})T.*");

    /** Non-deprecated statements of a property. */
    private static List<JsonNode> statements(JsonNode claims, String property) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode statement : claims.path(property))
            if (!"deprecated".equals(statement.path("rank").asText()))
                out.add(statement);
        return out;
    }

    /** The item id of a snak with a value (wikibase-entityid), else null. */
    private static String itemValue(JsonNode snak) {
        if (!"value".equals(snak.path("snaktype").asText()))
            return null;
        String id = snak.path("datavalue").path("value").path("id").asText(null);
        return id != null && ExternalIds.isWikidataId(id) ? id : null;
    }

    private static List<String> items(JsonNode claims, String property) {
        List<String> out = new ArrayList<>();
        for (JsonNode statement : statements(claims, property)) {
            String id = itemValue(statement.path("mainsnak"));
            if (id != null)
                out.add(id);
        }
        return List.copyOf(out);
    }

    /** The first string value of a property (P345 IMDb id). */
    private static String string(JsonNode entity, String property) {
        for (JsonNode statement : statements(entity.path("claims"), property)) {
            JsonNode value = statement.path("mainsnak").path("datavalue").path("value");
            if (value.isTextual())
                return value.asText();
        }
        return null;
    }

    private static String qualifierString(JsonNode statement, String property) {
        for (JsonNode q : statement.path("qualifiers").path(property)) {
            JsonNode value = q.path("datavalue").path("value");
            if (value.isTextual())
                return value.asText();
        }
        return null;
    }

    /** The English label, else the language-neutral one ({@code mul}). */
    private static String label(JsonNode entity) {
        for (String lang : new String[] {"en", "mul"}) {
            String label = entity.path("labels").path(lang).path("value").asText(null);
            if (label != null && !label.isBlank())
                return label;
        }
        return null;
    }

    // --- resolve ---------------------------------------------------------------------------

    /** Gives every film, franchise and person an IRI: by IMDb id, then by Wikidata id, else a slug. */
    public void resolve(KnownResources known) {
        Map<String, String> filmSlugs = new TreeMap<>();
        for (Film f : films.values())
            filmSlugs.put(f.id(), slugOr(f.label(), f.id()) + "\u0000" + f.year());
        assign(Kind.FILM, filmSlugs, id -> films.get(id).imdb(), known);
        Map<String, String> franchiseSlugs = new TreeMap<>();
        Map<String, String> personSlugs = new TreeMap<>();
        for (Film f : films.values()) {
            for (SeriesPart s : f.series())
                if (items.containsKey(s.series()) && !films.containsKey(s.series()))
                    franchiseSlugs.put(s.series(), slugOr(items.get(s.series()).label(), s.series()));
            for (String p : people(f))
                if (items.containsKey(p))
                    personSlugs.put(p, slugOr(items.get(p).label(), p));
        }
        assign(Kind.FRANCHISE, franchiseSlugs, id -> null, known);
        assign(Kind.PERSON, personSlugs, id -> items.get(id).imdb(), known);
        for (Film f : films.values())
            if (f.date() != null && known.hasReleaseDate(iris.get(f.id())))
                dated.add(f.id());
    }

    private static List<String> people(Film f) {
        List<String> people = new ArrayList<>(f.directors());
        f.cast().forEach(c -> people.add(c.person()));
        return people;
    }

    /**
     * IRIs for one kind: an id joins the resource with its IMDb id, else its Wikidata entity; the
     * others get {@code kind/slug}, or {@code kind/slug-qid} when several records (or another source's
     * resource with a different id) want that slug. Films carry their year after the slug.
     */
    private void assign(Kind kind, Map<String, String> slugs, java.util.function.Function<String, String> imdbOf, KnownResources known) {
        Map<String, Integer> wanted = new HashMap<>();
        slugs.values().forEach(s -> wanted.merge(s, 1, Integer::sum));
        for (Map.Entry<String, String> e : slugs.entrySet()) {
            String id = e.getKey();
            String imdb = imdbOf.apply(id);
            var joined = imdb != null && ExternalIds.isImdbId(imdb) ? known.byExternalIri(ExternalIds.imdbUrl(imdb)) : java.util.Optional.<String>empty();
            if (joined.isEmpty())
                joined = known.byExternalIri(ExternalIds.wikidataIri(id));
            if (joined.isPresent()) {
                iris.put(id, joined.get());
                this.joined.add(id);
                continue;
            }
            String[] parts = e.getValue().split("\u0000");
            String year = parts.length > 1 ? "-" + parts[1] : "";
            Kind k = kind == Kind.FILM && films.get(id).type().equals(RG.Series) ? Kind.SERIES : kind;
            String bare = Iris.ID_BASE + k.segment() + "/" + parts[0] + year;
            boolean collides = wanted.get(e.getValue()) > 1
                    || known.holder(bare, ExternalIds.wikidataIri(id)) == KnownResources.Holder.OTHER;
            iris.put(id, collides ? Iris.ID_BASE + k.segment() + "/" + parts[0] + "-" + id.toLowerCase(java.util.Locale.ROOT) + year : bare);
        }
    }

    // --- emit ------------------------------------------------------------------------------

    public long emit(StreamRDF out) {
        long[] count = new long[1];
        java.util.function.Consumer<Triple> emit = t -> {
            count[0]++;
            out.triple(t);
        };
        Set<String> franchisesDone = new HashSet<>();
        Set<String> personsDone = new HashSet<>();
        Set<String> charactersDone = new HashSet<>();
        for (Film f : films.values()) {
            Node film = uri(iris.get(f.id()));
            emit.accept(Triple.create(film, TYPE, f.type()));
            emit.accept(Triple.create(film, label(f.id()), NodeFactory.createLiteralLang(f.label(), "en")));
            if (f.date() != null && !dated.contains(f.id()))
                emit.accept(Triple.create(film, RG.releaseDate, NodeFactory.createLiteralDT(f.date(), XSDDatatype.XSDdate)));
            else if (f.date() == null)
                emit.accept(Triple.create(film, RG.releaseYear, NodeFactory.createLiteralDT(String.format("%04d", f.year()), XSDDatatype.XSDgYear)));
            emit.accept(Triple.create(film, OWL.sameAs.asNode(), uri(ExternalIds.wikidataIri(f.id()))));
            if (f.imdb() != null && f.imdb().startsWith("tt") && ExternalIds.isImdbId(f.imdb()))
                emit.accept(Triple.create(film, SCHEMA_SAME_AS, uri(ExternalIds.imdbUrl(f.imdb()))));
            for (SeriesPart s : f.series()) {
                String franchiseIri = iris.get(s.series());
                if (franchiseIri == null || films.containsKey(s.series()))
                    continue;
                Node franchise = uri(franchiseIri);
                emit.accept(Triple.create(film, RG.partOfFranchise, franchise));
                if (s.ordinal() != null) {
                    // The qualifier belongs to this membership, not to the film: an RDF 1.2 reifier of it.
                    Node reifier = NodeFactory.createBlankNode("wd-" + f.id() + "-" + s.series());
                    emit.accept(Triple.create(reifier, RDF.reifies.asNode(), NodeFactory.createTripleTerm(film, RG.partOfFranchise, franchise)));
                    emit.accept(Triple.create(reifier, RG.seriesOrdinal, NodeFactory.createLiteralString(s.ordinal())));
                }
                if (franchisesDone.add(s.series())) {
                    emit.accept(Triple.create(franchise, TYPE, RG.Franchise));
                    emit.accept(Triple.create(franchise, label(s.series()), NodeFactory.createLiteralLang(items.get(s.series()).label(), "en")));
                    emit.accept(Triple.create(franchise, OWL.sameAs.asNode(), uri(ExternalIds.wikidataIri(s.series()))));
                }
            }
            for (String d : f.directors()) {
                Node director = person(d, emit, personsDone);
                if (director != null)
                    emit.accept(Triple.create(film, RG.directedBy, director));
            }
            for (Credit c : f.cast()) {
                Node actor = person(c.person(), emit, personsDone);
                if (actor == null)
                    continue;
                emit.accept(Triple.create(film, RG.starring, actor));
                for (String ch : c.characters()) {
                    Item item = items.get(ch);
                    String slug = item == null ? null : slugOrNull(item.label());
                    if (slug == null)
                        continue;
                    Node character = uri(Iris.ID_BASE + Kind.CHARACTER.segment() + "/" + slug);
                    Node performance = NodeFactory.createBlankNode("wd-" + f.id() + "-" + c.person() + "-" + ch);
                    emit.accept(Triple.create(film, RG.performance, performance));
                    emit.accept(Triple.create(performance, TYPE, RG.Performance));
                    emit.accept(Triple.create(performance, RG.actor, actor));
                    emit.accept(Triple.create(performance, RG.character, character));
                    if (charactersDone.add(slug)) {
                        emit.accept(Triple.create(character, TYPE, RG.Character));
                        emit.accept(Triple.create(character, LABEL, NodeFactory.createLiteralLang(item.label(), "en")));
                    }
                }
            }
            for (String other : f.follows())
                if (films.containsKey(other))
                    emit.accept(Triple.create(film, RG.follows, uri(iris.get(other))));
            for (String other : f.followedBy())
                if (films.containsKey(other))
                    emit.accept(Triple.create(film, RG.followedBy, uri(iris.get(other))));
        }
        return count[0];
    }

    /** The person node, its description written the first time; null when the dump has no label for it. */
    private Node person(String id, java.util.function.Consumer<Triple> emit, Set<String> done) {
        String iri = iris.get(id);
        if (iri == null) {
            skip("credits of items without a label in the file");
            return null;
        }
        Node person = uri(iri);
        if (done.add(id)) {
            Item item = items.get(id);
            emit.accept(Triple.create(person, TYPE, RG.Person));
            emit.accept(Triple.create(person, label(id), NodeFactory.createLiteralLang(item.label(), "en")));
            emit.accept(Triple.create(person, OWL.sameAs.asNode(), uri(ExternalIds.wikidataIri(id))));
            if (item.imdb() != null && item.imdb().startsWith("nm") && ExternalIds.isImdbId(item.imdb()))
                emit.accept(Triple.create(person, SCHEMA_SAME_AS, uri(ExternalIds.imdbUrl(item.imdb()))));
        }
        return person;
    }

    /** A resource another source already names keeps its label; Wikidata's is an alternative then. */
    private Node label(String id) {
        return joined.contains(id) ? SKOS.altLabel.asNode() : LABEL;
    }

    public Summary summary() {
        long franchises = films.values().stream().flatMap(f -> f.series().stream()).map(SeriesPart::series)
                .filter(iris::containsKey).distinct().count();
        long persons = films.values().stream().flatMap(f -> people(f).stream()).filter(iris::containsKey).distinct().count();
        return new Summary(films.size(), franchises, persons, problems.count(), Map.copyOf(skipped));
    }

    private void skip(String why) {
        skipped.merge(why, 1L, Long::sum);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static String slugOr(String label, String qid) {
        String slug = slugOrNull(label);
        return slug != null ? slug : qid.toLowerCase(java.util.Locale.ROOT);
    }

    private static String slugOrNull(String label) {
        try {
            return Slugs.of(label);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
