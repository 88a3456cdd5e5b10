package org.reelgraph.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

/**
 * OpenLink Virtuoso 7, whose differences from a standard store are handled here:
 * <ul>
 * <li>It has no RDF 1.2 triple terms. A reifier {@code r rdf:reifies <<( s p o )>>} (what an annotation
 * {@code {| ... |}} becomes) is written as RDF 1.1 reification in the same graph: {@code r rdf:type
 * rdf:Statement ; rdf:subject s ; rdf:predicate p ; rdf:object o}. Every SELECT turns such a group
 * back into the {@code rdf:reifies} statement (in SPARQL, so reads still stream), so the API, pages
 * and dumps see what TDB2 has. Other triple terms, a reifier of two triples, and RDF 1.1 reification
 * statements of one's own (which would read back as reifiers) are refused before anything is sent.</li>
 * <li>Its own graphs ({@code virtrdf#}, {@code ldp#}, the endpoint's service description) are in every
 * {@code GRAPH ?g}: they are hidden like the version graph.</li>
 * <li>Its SPARQL parser runs out of stack past about 5,000 statements in one {@code GRAPH} block, and it
 * reads at most 10 MB of request body: inserts and deletes go in blocks of {@value #BLOCK} statements
 * of one operation, and a larger request is refused with the size, before anything is sent.</li>
 * </ul>
 * Virtuoso compiles the whole request before it runs any of it and applies it in one transaction (a
 * process killed mid-request leaves nothing of it); an operation failing at run time would not undo
 * the ones before it, which is why the request is only DROP SILENT, DELETE DATA and INSERT DATA.
 */
final class VirtuosoDialect implements RemoteDialect {
    static final int BLOCK = 500;
    /** Virtuoso's HTTP server keeps a request body in a string session of at most 10 MB (error HT057). */
    static final int MAX_REQUEST_BYTES = 10_000_000;
    private static final List<String> OWN_GRAPHS = List.of(
            "http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#");
    private static final String SERVICE = "http://www.w3.org/ns/sparql-service-description#Service";
    private static final String TYPE = NodeFmtLib.strNT(RDF.type.asNode()), STATEMENT = NodeFmtLib.strNT(RDF.Statement.asNode()),
            SUBJECT = NodeFmtLib.strNT(RDF.subject.asNode()), PREDICATE = NodeFmtLib.strNT(RDF.predicate.asNode()),
            OBJECT = NodeFmtLib.strNT(RDF.object.asNode());
    private static final Node REIFIES = RDF.reifies.asNode();
    private static final Set<Node> ENCODING = Set.of(RDF.subject.asNode(), RDF.predicate.asNode(), RDF.object.asNode());

    private final RDFConnection connection;
    /** Asked once: the graphs Virtuoso describes its endpoint in ({@code <g> a sd:Service} inside {@code g}). */
    private volatile String hidden;

    VirtuosoDialect(RDFConnection connection) {
        this.connection = connection;
    }

    // ---- reads

    /**
     * The graph pattern: the stored statements that are not part of a reification group, and (as
     * {@code ?ts ?tp ?to}) each group's reified triple, where the pattern can match an rdf:reifies.
     */
    @Override
    public String where(Quad pattern) {
        Node g = pattern.getGraph(), s = pattern.getSubject(), p = pattern.getPredicate(), o = pattern.getObject();
        if (s.isTripleTerm() || p.isTripleTerm())
            return null;
        boolean plain = !o.isTripleTerm() && !p.equals(REIFIES);
        boolean reified = (!p.isConcrete() || p.equals(REIFIES)) && (!o.isConcrete() || o.isTripleTerm());
        String sv = GenericDialect.term(s, "s"), pv = GenericDialect.term(p, "p"), ov = GenericDialect.term(o, "o");
        List<String> parts = new ArrayList<>();
        if (plain) {
            String filter = p.isConcrete() && !ENCODING.contains(p) && !p.equals(RDF.type.asNode()) ? ""
                    : " FILTER(!(" + pv + " IN (" + SUBJECT + ", " + PREDICATE + ", " + OBJECT + ") || (" + pv + " = " + TYPE
                    + " && " + ov + " = " + STATEMENT + ")) || NOT EXISTS { " + sv + " " + TYPE + " " + STATEMENT + " ; "
                    + SUBJECT + " ?reified_ })";
            parts.add("{ " + sv + " " + pv + " " + ov + " ." + filter + " }");
        }
        if (reified) {
            Triple t = o.isTripleTerm() ? o.getTriple() : null;
            parts.add("{ " + sv + " " + TYPE + " " + STATEMENT + " ; " + SUBJECT + " " + part(t, 0) + " ; " + PREDICATE + " "
                    + part(t, 1) + " ; " + OBJECT + " " + part(t, 2) + " . }");
        }
        if (parts.isEmpty())
            return null;
        return "GRAPH " + GenericDialect.term(g, "g") + " { " + String.join(" UNION ", parts) + " }"
                + (g.isConcrete() ? "" : " " + shown("g"));
    }

    private static String part(Triple t, int i) {
        if (t == null)
            return "?" + new String[] {"ts", "tp", "to"}[i];
        Node n = i == 0 ? t.getSubject() : i == 1 ? t.getPredicate() : t.getObject();
        return n.isConcrete() ? NodeFmtLib.strNT(Skolem.toStore(n)) : "?" + new String[] {"ts", "tp", "to"}[i];
    }

    @Override
    public Quad statement(QuerySolution row, Quad pattern) {
        Node g = pattern.getGraph().isConcrete() ? pattern.getGraph() : row.get("g").asNode();
        Node s = pattern.getSubject().isConcrete() ? pattern.getSubject() : Skolem.fromStore(row.get("s").asNode());
        boolean reified = row.contains("ts") || row.contains("tp") || row.contains("to")
                || pattern.getObject().isTripleTerm() || pattern.getPredicate().equals(REIFIES);
        if (reified) {
            Node o = pattern.getObject().isTripleTerm() ? pattern.getObject() : NodeFactory.createTripleTerm(
                    Skolem.fromStore(row.get("ts").asNode()), Skolem.fromStore(row.get("tp").asNode()),
                    Skolem.fromStore(row.get("to").asNode()));
            return Quad.create(g, s, REIFIES, o);
        }
        return Quad.create(g, s,
                pattern.getPredicate().isConcrete() ? pattern.getPredicate() : Skolem.fromStore(row.get("p").asNode()),
                pattern.getObject().isConcrete() ? pattern.getObject() : Skolem.fromStore(row.get("o").asNode()));
    }

    @Override
    public String shown(String variable) {
        String h = hidden;
        if (h == null) {
            Set<String> graphs = new LinkedHashSet<>();
            graphs.add(NodeFmtLib.strNT(RemoteDataset.VERSION_GRAPH));
            OWN_GRAPHS.forEach(iri -> graphs.add("<" + iri + ">"));
            try (QueryExecution qe = connection.query(QueryFactory.create(
                    "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a <" + SERVICE + "> } }"))) {
                qe.execSelect().forEachRemaining(row -> graphs.add(NodeFmtLib.strNT(row.get("g").asNode())));
            }
            hidden = h = String.join(", ", graphs);
        }
        return "FILTER(?" + variable + " NOT IN (" + h + "))";
    }

    @Override
    public String count(boolean union) {
        String all = where(Quad.create(Node.ANY, Node.ANY, Node.ANY, Node.ANY));
        return union ? "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o ?ts ?tp ?to WHERE { " + all + " } }"
                : "SELECT (COUNT(*) AS ?n) WHERE { " + all + " }";
    }

    // ---- writes

    @Override
    public void write(RDFConnection connection, Collection<Node> dropped, Collection<Quad> deleted, Collection<Quad> added) {
        StringBuilder text = new StringBuilder();
        for (Node g : dropped)
            text.append("DROP SILENT GRAPH ").append(NodeFmtLib.strNT(g)).append(" ;\n");
        data(text, "DELETE DATA", stored(deleted, false));
        data(text, "INSERT DATA", stored(added, true));
        text.append(RemoteDataset.newVersionText());
        int bytes = text.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_REQUEST_BYTES)
            throw new RemoteStoreException("this write is one SPARQL Update request of " + bytes / 1_000_000
                    + " MB, and Virtuoso reads at most 10 MB per request: load fewer or smaller files at a time"
                    + " (each write stays one request, so that it is applied whole or not at all)");
        connection.update(text.toString());
    }

    /** {@code DELETE DATA { GRAPH <g> { ... } GRAPH <g> { ... } } ;} with at most {@value #BLOCK} statements a block. */
    private static void data(StringBuilder text, String operation, Map<Node, List<Triple>> byGraph) {
        if (byGraph.isEmpty())
            return;
        text.append(operation).append(" {\n");
        byGraph.forEach((g, triples) -> {
            for (int from = 0; from < triples.size(); from += BLOCK) {
                text.append("GRAPH ").append(NodeFmtLib.strNT(g)).append(" {\n");
                for (Triple t : triples.subList(from, Math.min(triples.size(), from + BLOCK)))
                    text.append(NodeFmtLib.strNT(t.getSubject())).append(' ').append(NodeFmtLib.strNT(t.getPredicate()))
                            .append(' ').append(NodeFmtLib.strNT(t.getObject())).append(" .\n");
                text.append("}\n");
            }
        });
        text.append("} ;\n");
    }

    /**
     * The statements as Virtuoso keeps them, by graph: skolem IRIs for blank nodes, each rdf:reifies as
     * its four reification statements. {@code checked}: refuse what could not be read back the same.
     */
    private static Map<Node, List<Triple>> stored(Collection<Quad> quads, boolean checked) {
        Map<Node, List<Triple>> byGraph = new LinkedHashMap<>();
        Map<List<Node>, Node> reifiers = new HashMap<>();
        for (Quad q : quads) {
            if (q.isDefaultGraph())
                throw new RemoteStoreException("Virtuoso has no default graph to write " + q + " to: give the statement a graph");
            Quad s = Skolem.toStore(q);
            List<Triple> triples = byGraph.computeIfAbsent(s.getGraph(), g -> new ArrayList<>());
            Node subject = s.getSubject(), predicate = s.getPredicate(), object = s.getObject();
            if (predicate.equals(REIFIES) && object.isTripleTerm() && !subject.isTripleTerm() && plain(object.getTriple())) {
                Node before = reifiers.putIfAbsent(List.of(s.getGraph(), subject), object);
                if (checked && before != null && !before.equals(object))
                    throw new RemoteStoreException(q.getSubject() + " reifies two triples (" + before + ", " + object
                            + "): Virtuoso keeps a reifier as rdf:Statement reification, which holds one");
                Triple t = object.getTriple();
                triples.add(Triple.create(subject, RDF.type.asNode(), RDF.Statement.asNode()));
                triples.add(Triple.create(subject, RDF.subject.asNode(), t.getSubject()));
                triples.add(Triple.create(subject, RDF.predicate.asNode(), t.getPredicate()));
                triples.add(Triple.create(subject, RDF.object.asNode(), t.getObject()));
                continue;
            }
            if ((subject.isTripleTerm() || object.isTripleTerm()) && !checked)
                continue; // a delete of what Virtuoso cannot hold: it is not there
            if (subject.isTripleTerm() || object.isTripleTerm())
                throw new RemoteStoreException("Virtuoso 7 holds no RDF 1.2 triple terms, and reelgraph keeps only the object of "
                        + "rdf:reifies for it (as rdf:Statement reification): " + q + " cannot be stored there");
            if (checked && (ENCODING.contains(predicate) || predicate.equals(RDF.type.asNode()) && object.equals(RDF.Statement.asNode())))
                throw new RemoteStoreException(q + " is RDF 1.1 reification, which is how reelgraph keeps RDF 1.2 reifiers in "
                        + "Virtuoso: write it as a reifier (r rdf:reifies <<( s p o )>>) instead");
            triples.add(s.asTriple());
        }
        return byGraph;
    }

    private static boolean plain(Triple t) {
        return !t.getSubject().isTripleTerm() && !t.getPredicate().isTripleTerm() && !t.getObject().isTripleTerm();
    }
}
