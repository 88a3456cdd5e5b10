package org.reelgraph.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;
import org.reelgraph.vocab.Labels;
import org.reelgraph.vocab.RG;

/**
 * Names known to the graph: each {@code rdfs:label} and {@code skos:altLabel} of a franchise, film,
 * person, character or organization maps to its IRI and kind; franchises know their main-line films
 * (films with {@code rg:partOfFranchise F} and no {@code rg:spinOffOf}) in release order, so that
 * "the third John Wick film" resolves. Immutable and safe to share between threads.
 */
public final class Gazetteer {
    /** A known resource. {@code year} is a film's release year, {@code franchise} its franchise IRI. */
    public record Entry(String iri, Kind kind, String label, Integer year, String franchise, boolean spinOff) {}

    /** A known name found in a text, {@code [start, end)} in characters. */
    record Match(int start, int end, List<Entry> entries) {
        Optional<Entry> of(Kind kind) {
            return entries.stream().filter(e -> e.kind() == kind).findFirst();
        }
    }

    private final Map<String, Entry> byIri;
    /** First word of a name → the names (as word lists) that start with it, longest first. */
    private final Map<String, List<Name>> byFirstWord;
    private final Map<String, List<String>> mainLine;
    private final Map<String, Set<String>> characterFranchises;

    private record Name(List<String> words, List<Entry> entries) {}

    private Gazetteer(Map<String, Entry> byIri, Map<String, List<Name>> byFirstWord, Map<String, List<String>> mainLine,
                      Map<String, Set<String>> characterFranchises) {
        this.byIri = byIri;
        this.byFirstWord = byFirstWord;
        this.mainLine = mainLine;
        this.characterFranchises = characterFranchises;
    }

    public static Gazetteer empty() {
        return new Gazetteer(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** In this order: a resource of two of these kinds is the first. */
    private static final Map<Node, Kind> CLASSES = classes();
    /** Every predicate {@link #fromStatements} reads besides the types of {@link #CLASSES}. */
    private static final List<Node> READ = List.of(RDFS.label.asNode(), SKOS.altLabel.asNode(), RG.releaseDate, RG.partOfFranchise,
            RG.spinOffOf, RG.performance, RG.character);

    /**
     * Reads every label and alias of the typed reelgraph resources in {@code union}: first the statements
     * it needs into memory, one pattern per predicate (over a remote store a dozen requests, not several
     * per resource), then from there.
     */
    public static Gazetteer fromGraph(Graph union) {
        Graph needed = GraphFactory.createGraphMem();
        for (Node c : CLASSES.keySet())
            union.find(Node.ANY, RDF.type.asNode(), c).forEachRemaining(needed::add);
        for (Node p : READ)
            union.find(Node.ANY, p, Node.ANY).forEachRemaining(needed::add);
        return fromStatements(needed);
    }

    private static Gazetteer fromStatements(Graph union) {
        Map<String, Entry> byIri = new LinkedHashMap<>();
        Map<String, Map<String, List<Entry>>> names = new HashMap<>();
        Map<String, List<Entry>> filmsOfFranchise = new HashMap<>();
        Map<String, LocalDate> released = new HashMap<>();
        for (Map.Entry<Node, Kind> c : CLASSES.entrySet()) {
            // By IRI: which of two resources with one name comes first must not depend on how the store orders them.
            List<Triple> typed = new ArrayList<>(union.find(Node.ANY, RDF.type.asNode(), c.getKey()).toList());
            typed.sort(Comparator.comparing((Triple t) -> t.getSubject().toString()));
            for (Triple t : typed) {
                Node s = t.getSubject();
                if (!s.isURI() || byIri.containsKey(s.getURI()))
                    continue;
                Kind kind = c.getValue();
                String label = Labels.of(union, s).orElse(Iris.slugOrIri(s.getURI()));
                Integer year = null;
                String franchise = null;
                boolean spinOff = false;
                if (kind == Kind.FILM) {
                    LocalDate date = date(union, s);
                    if (date != null) {
                        year = date.getYear();
                        released.put(s.getURI(), date);
                    }
                    franchise = object(union, s, RG.partOfFranchise);
                    spinOff = union.contains(s, RG.spinOffOf, Node.ANY);
                }
                Entry e = new Entry(s.getURI(), kind, label, year, franchise, spinOff);
                byIri.put(s.getURI(), e);
                if (franchise != null && !spinOff)
                    filmsOfFranchise.computeIfAbsent(franchise, k -> new ArrayList<>()).add(e);
                for (Node p : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode()))
                    for (Triple l : union.find(s, p, Node.ANY).toList())
                        if (l.getObject().isLiteral())
                            add(names, l.getObject().getLiteralLexicalForm(), e);
            }
        }
        Map<String, List<Name>> byFirstWord = new HashMap<>();
        names.forEach((first, m) -> {
            List<Name> list = new ArrayList<>();
            m.forEach((key, entries) -> list.add(new Name(List.of(key.split(" ")), List.copyOf(entries))));
            list.sort(Comparator.comparingInt((Name n) -> n.words().size()).reversed());
            byFirstWord.put(first, List.copyOf(list));
        });
        Map<String, List<String>> mainLine = new HashMap<>();
        filmsOfFranchise.forEach((f, films) -> mainLine.put(f, films.stream()
                .sorted(Comparator.comparing((Entry e) -> released.getOrDefault(e.iri(), LocalDate.MAX)).thenComparing(Entry::label))
                .map(Entry::iri).toList()));
        // Which franchises a character appears in: film rg:performance [ rg:character c ], film rg:partOfFranchise f.
        Map<String, Set<String>> characterFranchises = new HashMap<>();
        for (Triple t : union.find(Node.ANY, RG.performance, Node.ANY).toList()) {
            Entry filmEntry = t.getSubject().isURI() ? byIri.get(t.getSubject().getURI()) : null;
            if (filmEntry == null || filmEntry.franchise() == null)
                continue;
            for (Triple c : union.find(t.getObject(), RG.character, Node.ANY).toList())
                if (c.getObject().isURI())
                    characterFranchises.computeIfAbsent(c.getObject().getURI(), k -> new HashSet<>()).add(filmEntry.franchise());
        }
        return new Gazetteer(Collections.unmodifiableMap(byIri), byFirstWord, mainLine, characterFranchises);
    }

    private static Map<Node, Kind> classes() {
        Map<Node, Kind> classes = new LinkedHashMap<>();
        classes.put(RG.Franchise, Kind.FRANCHISE);
        classes.put(RG.Film, Kind.FILM);
        classes.put(RG.Person, Kind.PERSON);
        classes.put(RG.Character, Kind.CHARACTER);
        classes.put(RG.Organization, Kind.ORGANIZATION);
        return Collections.unmodifiableMap(classes);
    }

    private static void add(Map<String, Map<String, List<Entry>>> names, String label, Entry e) {
        List<String> words = Words.keys(label);
        if (words.isEmpty())
            return;
        List<Entry> list = names.computeIfAbsent(words.get(0), k -> new HashMap<>())
                .computeIfAbsent(String.join(" ", words), k -> new ArrayList<>());
        if (!list.contains(e))
            list.add(e);
    }

    private static String object(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).toList().stream().map(Triple::getObject).filter(Node::isURI)
                .map(Node::getURI).sorted().findFirst().orElse(null);
    }

    private static LocalDate date(Graph g, Node film) {
        for (Triple t : g.find(film, RG.releaseDate, Node.ANY).toList()) {
            Node o = t.getObject();
            if (!o.isLiteral())
                continue;
            String lex = o.getLiteralLexicalForm();
            try {
                return LocalDate.parse(lex.length() >= 10 ? lex.substring(0, 10) : lex);
            } catch (RuntimeException e) {
                if (lex.matches("\\d{4}.*"))
                    return LocalDate.of(Integer.parseInt(lex.substring(0, 4)), 1, 1);
            }
        }
        return null;
    }

    public Optional<Entry> entry(String iri) {
        return Optional.ofNullable(byIri.get(iri));
    }

    /** The resources whose label or alias is {@code name} (compared word by word, case-insensitively). */
    public List<Entry> lookup(String name) {
        List<String> words = Words.keys(name);
        if (words.isEmpty())
            return List.of();
        for (Name n : byFirstWord.getOrDefault(words.get(0), List.of()))
            if (n.words().equals(words))
                return n.entries();
        return List.of();
    }

    public Optional<Entry> lookup(String name, Kind kind) {
        return lookup(name).stream().filter(e -> e.kind() == kind).findFirst();
    }

    /** The franchises whose films have a performance of this character; empty when the graph does not say. */
    public Set<String> franchisesOf(String characterIri) {
        return characterFranchises.getOrDefault(characterIri, Set.of());
    }

    /** A franchise's main-line films in release order (IRIs). */
    public List<String> mainLine(String franchiseIri) {
        return mainLine.getOrDefault(franchiseIri, List.of());
    }

    /** The {@code n}th (1-based) main-line film of a franchise, in release order. */
    public Optional<Entry> ordinal(String franchiseIri, int n) {
        List<String> films = mainLine(franchiseIri);
        return n >= 1 && n <= films.size() ? entry(films.get(n - 1)) : Optional.empty();
    }

    public int size() {
        return byIri.size();
    }

    /** Every known name in {@code text}, longest match first, not overlapping. */
    List<Match> find(String text) {
        List<Words.Word> words = Words.of(text);
        List<Match> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Name best = null;
            for (Name n : byFirstWord.getOrDefault(words.get(i).key(), List.of())) {
                int len = n.words().size();
                if (i + len > words.size())
                    continue;
                boolean same = true;
                for (int k = 1; k < len && same; k++)
                    same = words.get(i + k).key().equals(n.words().get(k));
                if (same) {
                    best = n;
                    break;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            int len = best.words().size();
            found.add(new Match(words.get(i).start(), words.get(i + len - 1).end(), best.entries()));
            i += len;
        }
        return found;
    }
}
