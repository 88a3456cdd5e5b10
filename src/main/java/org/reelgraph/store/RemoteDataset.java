package org.reelgraph.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraphBase;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.RG;

/**
 * A remote SPARQL store seen as a Jena {@code DatasetGraph}, so the code that reads statements by
 * pattern (catalog, Linked Data pages, loader, SHACL) runs unchanged over it. Each {@code find} is a
 * SELECT on the query endpoint, remembered for the rest of the transaction. A write transaction
 * buffers its changes (graphs dropped, statements deleted and added; reads inside it see them) and
 * its commit sends them as ONE SPARQL Update request, together with a new data version: the store
 * applies the write whole or not at all, and every front end over the same store sees the version
 * move. The default graph is not read (queries see the union of the named graphs); the version graph
 * is hidden. How patterns and writes are spelled for the store is its {@link RemoteDialect}'s business.
 */
final class RemoteDataset extends DatasetGraphBase {
    /** The graph that holds the store's data version (one statement), hidden from this view. */
    static final Node VERSION_GRAPH = NodeFactory.createURI(Iris.GRAPH_BASE + "store-version");
    static final Node VERSION_PROPERTY = NodeFactory.createURI(RG.NS + "dataVersion");
    /** Subjects per read-ahead request: a few kB of query, well under the engines' request limits. */
    private static final int READ_AHEAD_BLOCK = 100;

    private static final class State {
        final TxnType type;
        ReadWrite mode;
        final Map<Quad, List<Quad>> remembered = new HashMap<>();
        final Set<Node> dropped = new LinkedHashSet<>();
        final Set<Quad> deleted = new LinkedHashSet<>();
        final Set<Quad> added = new LinkedHashSet<>();
        String version;

        State(TxnType type) {
            this.type = type;
            this.mode = type == TxnType.WRITE ? ReadWrite.WRITE : ReadWrite.READ;
        }

        boolean changed() {
            return !dropped.isEmpty() || !deleted.isEmpty() || !added.isEmpty();
        }
    }

    private final RDFConnection connection;
    private final RemoteDialect dialect;
    private final ThreadLocal<State> state = new ThreadLocal<>();
    private final PrefixMap prefixes = PrefixMapFactory.create();

    RemoteDataset(RDFConnection connection, RemoteEngine engine) {
        this.connection = connection;
        this.dialect = RemoteDialect.of(engine, connection);
    }

    RDFConnection connection() {
        return connection;
    }

    // ---- reads

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        g = orAny(g);
        s = orAny(s);
        p = orAny(p);
        o = orAny(o);
        if (Quad.isDefaultGraph(g))
            return List.<Quad>of().iterator();
        boolean union = Quad.isUnionGraph(g);
        Node graph = union ? Node.ANY : g;
        if (graph.equals(VERSION_GRAPH))
            return List.<Quad>of().iterator();
        State st = state.get();
        List<Quad> remote = remote(st, Quad.create(graph, s, p, o));
        List<Quad> answer = remote;
        if (st != null && st.changed()) {
            answer = new ArrayList<>();
            for (Quad q : remote)
                if (!st.dropped.contains(q.getGraph()) && !st.deleted.contains(q))
                    answer.add(q);
            for (Quad q : st.added)
                if (!q.isDefaultGraph() && matches(graph, q.getGraph()) && matches(s, q.getSubject())
                        && matches(p, q.getPredicate()) && matches(o, q.getObject()))
                    answer.add(q);
        }
        if (union)
            return answer.stream().map(q -> Quad.create(Quad.unionGraph, q.asTriple())).iterator();
        return answer.iterator();
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return find(Quad.isDefaultGraph(orAny(g)) ? Node.ANY : g, s, p, o);
    }

    /**
     * The statements of the named graphs matching {@code pattern} (graph ANY or one graph), as the
     * store holds them. In a transaction, whole neighbourhoods are asked once and remembered: every
     * statement of a subject (pattern code asks a subject for one property after another), or with
     * an object when no subject is given; other patterns as they are.
     */
    private List<Quad> remote(State st, Quad pattern) {
        if (st == null) {
            List<Quad> found = new ArrayList<>();
            select(pattern, found::add);
            return found;
        }
        Node g = pattern.getGraph(), s = pattern.getSubject(), p = pattern.getPredicate(), o = pattern.getObject();
        Quad asked = s.isConcrete() ? neighbourhood(s)
                : o.isConcrete() ? Quad.create(Node.ANY, Node.ANY, Node.ANY, o)
                : pattern;
        List<Quad> known = st.remembered.get(asked);
        if (known == null) {
            known = new ArrayList<>();
            select(asked, known::add);
            if (!asked.equals(Quad.create(Node.ANY, Node.ANY, Node.ANY, Node.ANY)))
                st.remembered.put(asked, known);
        }
        if (asked == pattern)
            return known;
        List<Quad> answer = new ArrayList<>();
        for (Quad q : known)
            if (matches(g, q.getGraph()) && matches(s, q.getSubject()) && matches(p, q.getPredicate()) && matches(o, q.getObject()))
                answer.add(q);
        return answer;
    }

    /**
     * Reads every statement of these subjects now, {@link #READ_AHEAD_BLOCK} subjects per request, and
     * remembers them for the rest of the transaction as {@link #remote} would one subject at a time: code
     * that is about to ask a known set of subjects (SHACL on a write's nodes) costs a few requests, not one
     * per node. Outside a transaction it does nothing.
     */
    void readAhead(Collection<Node> subjects) {
        State st = state.get();
        if (st == null)
            return;
        List<Node> wanted = subjects.stream().filter(n -> n.isURI() || n.isBlank())
                .filter(n -> !st.remembered.containsKey(neighbourhood(n))).distinct().toList();
        Quad all = Quad.create(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        String where = dialect.where(all);
        for (int from = 0; from < wanted.size(); from += READ_AHEAD_BLOCK) {
            List<Node> block = wanted.subList(from, Math.min(wanted.size(), from + READ_AHEAD_BLOCK));
            Map<Node, List<Quad>> found = new HashMap<>();
            block.forEach(n -> found.put(n, new ArrayList<>()));
            StringBuilder values = new StringBuilder();
            block.forEach(n -> values.append(' ').append(NodeFmtLib.strNT(Skolem.toStore(n))));
            select(QueryFactory.create("SELECT * WHERE { VALUES ?s {" + values + " } " + where + " }"), all,
                    q -> found.computeIfAbsent(q.getSubject(), k -> new ArrayList<>()).add(q));
            found.forEach((subject, quads) -> st.remembered.put(neighbourhood(subject), quads));
        }
    }

    private static Quad neighbourhood(Node subject) {
        return Quad.create(Node.ANY, subject, Node.ANY, Node.ANY);
    }

    /** Streams the statements matching {@code pattern} (graph ANY: every named graph) from the store. */
    long select(Quad pattern, Consumer<Quad> sink) {
        String text = dialect.select(pattern);
        return text == null ? 0 : select(QueryFactory.create(text), pattern, sink);
    }

    private long select(Query query, Quad pattern, Consumer<Quad> sink) {
        long rows = 0;
        try (QueryExecution qe = connection.query(query)) {
            ResultSet rs = qe.execSelect();
            for (; rs.hasNext(); rows++)
                sink.accept(dialect.statement(rs.next(), pattern));
        }
        return rows;
    }

    /**
     * As {@link #select}, then the store's COUNT of the same pattern: an answer cut short without an error
     * (a stream the store ended early) raises {@link IncompleteAnswer} instead of passing for the whole.
     */
    void selectWhole(Quad pattern, Consumer<Quad> sink) {
        String text = dialect.select(pattern);
        if (text == null)
            return;
        Query query = QueryFactory.create(text);
        long rows = select(query, pattern, sink);
        Query count = QueryFactory.create("SELECT (COUNT(*) AS ?n) WHERE " + query.getQueryPattern());
        long expected;
        try (QueryExecution qe = connection.query(count)) {
            expected = qe.execSelect().next().getLiteral("n").getLong();
        }
        if (rows != expected)
            throw new IncompleteAnswer("the remote store sent " + rows + " of the " + expected + " statements of graph "
                    + pattern.getGraph() + " and then ended its answer without an error");
    }

    /** The query that counts the shown statements, or with {@code union} the distinct triples of their union. */
    String countQuery(boolean union) {
        return dialect.count(union);
    }

    /** Term equality, ANY matching everything (Jena 5.6's {@code Quad.matches} takes the quad as the pattern). */
    private static boolean matches(Node pattern, Node node) {
        return pattern.equals(Node.ANY) || pattern.equals(node);
    }

    private static Node orAny(Node n) {
        return n == null ? Node.ANY : n;
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        Set<Node> graphs = new LinkedHashSet<>();
        Query query = QueryFactory.create("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } " + dialect.shown("g") + " } ORDER BY ?g");
        try (QueryExecution qe = connection.query(query)) {
            qe.execSelect().forEachRemaining(row -> graphs.add(row.get("g").asNode()));
        }
        State st = state.get();
        if (st != null && st.changed()) {
            graphs.removeAll(st.dropped);
            for (Quad q : st.added)
                if (!q.isDefaultGraph())
                    graphs.add(q.getGraph());
            graphs.removeIf(gn -> !find(gn, Node.ANY, Node.ANY, Node.ANY).hasNext());
        }
        return graphs.iterator();
    }

    /**
     * Asked of the store with ASK, so that the graph is not read (serve asks for the published chronology
     * when it opens the store: a SELECT of it read 250,000 statements at 1M triples, 21 s); from the
     * statements when this transaction changed something, or for the hidden version graph.
     */
    @Override
    public boolean containsGraph(Node graphNode) {
        if (Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode))
            return true;
        State st = state.get();
        if (!graphNode.isURI() || graphNode.equals(VERSION_GRAPH) || st != null && st.changed())
            return find(graphNode, Node.ANY, Node.ANY, Node.ANY).hasNext();
        try (QueryExecution qe = connection.query(QueryFactory.create("ASK { GRAPH " + NodeFmtLib.strNT(graphNode) + " { ?s ?p ?o } }"))) {
            return qe.execAsk();
        }
    }

    @Override
    public Graph getDefaultGraph() {
        return GraphView.createDefaultGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public Graph getUnionGraph() {
        return GraphView.createUnionGraph(this);
    }

    @Override
    public PrefixMap prefixes() {
        return prefixes;
    }

    // ---- writes, buffered until commit

    private State writing() {
        State st = state.get();
        if (st == null || st.mode != ReadWrite.WRITE)
            throw new JenaTransactionException("the remote store is written only inside a write transaction");
        return st;
    }

    @Override
    public void add(Quad quad) {
        State st = writing();
        st.deleted.remove(quad);
        st.added.add(quad);
    }

    @Override
    public void delete(Quad quad) {
        State st = writing();
        st.added.remove(quad);
        if (!st.dropped.contains(quad.getGraph()))
            st.deleted.add(quad);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (g != null && g.isConcrete() && !Quad.isUnionGraph(g) && !Quad.isDefaultGraph(g)
                && orAny(s).equals(Node.ANY) && orAny(p).equals(Node.ANY) && orAny(o).equals(Node.ANY)) {
            removeGraph(g);
            return;
        }
        writing();
        List<Quad> matches = new ArrayList<>();
        find(g, s, p, o).forEachRemaining(matches::add);
        matches.forEach(this::delete);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        removeGraph(graphName);
        graph.find().forEachRemaining(t -> add(Quad.create(graphName, t)));
    }

    @Override
    public void removeGraph(Node graphName) {
        State st = writing();
        st.dropped.add(graphName);
        st.added.removeIf(q -> q.getGraph().equals(graphName));
        st.deleted.removeIf(q -> q.getGraph().equals(graphName));
    }

    @Override
    public void clear() {
        State st = writing();
        listGraphNodes().forEachRemaining(st.dropped::add);
        st.added.clear();
        st.deleted.clear();
    }

    /** Appends the statement that moves the store's data version on, so the same request changes it. */
    static UpdateRequest withNewVersion(UpdateRequest request) {
        UpdateFactory.parse(request, newVersionText());
        return request;
    }

    /** The two operations that replace the version statement with a new tag ({@code seconds-uuid}). */
    static String newVersionText() {
        String v = NodeFmtLib.strNT(VERSION_GRAPH), p = NodeFmtLib.strNT(VERSION_PROPERTY);
        String tag = System.currentTimeMillis() / 1000 + "-" + UUID.randomUUID();
        return "DELETE WHERE { GRAPH " + v + " { " + v + " " + p + " ?old } } ;\n"
                + "INSERT DATA { GRAPH " + v + " { " + v + " " + p + " \"" + tag + "\" } }";
    }

    /** The store's data version tag ({@code seconds-uuid}), or null when nothing has been written through reelgraph. */
    String version() {
        State st = state.get();
        if (st != null && st.version != null)
            return st.version;
        String v = NodeFmtLib.strNT(VERSION_GRAPH);
        String found = null;
        try (QueryExecution qe = connection.query(QueryFactory.create(
                "SELECT ?tag WHERE { GRAPH " + v + " { " + v + " " + NodeFmtLib.strNT(VERSION_PROPERTY) + " ?tag } }"))) {
            ResultSet rs = qe.execSelect();
            if (rs.hasNext())
                found = rs.next().get("tag").asLiteral().getLexicalForm();
        }
        if (st != null)
            st.version = found;
        return found;
    }

    // ---- transactions: one state per thread

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsTransactionAbort() {
        return true;
    }

    @Override
    public void begin(TxnType type) {
        if (state.get() != null)
            throw new JenaTransactionException("already in a transaction");
        state.set(new State(type));
    }

    @Override
    public void begin(ReadWrite readWrite) {
        begin(TxnType.convert(readWrite));
    }

    @Override
    public boolean promote(Promote mode) {
        State st = state.get();
        if (st == null)
            throw new JenaTransactionException("not in a transaction");
        if (st.type == TxnType.READ)
            return false;
        st.mode = ReadWrite.WRITE;
        return true;
    }

    @Override
    public void commit() {
        State st = state.get();
        if (st == null)
            throw new JenaTransactionException("not in a transaction");
        try {
            if (st.mode == ReadWrite.WRITE && st.changed())
                dialect.write(connection, st.dropped, st.deleted, st.added);
        } finally {
            state.remove();
        }
    }

    @Override
    public void abort() {
        state.remove();
    }

    @Override
    public void end() {
        state.remove();
    }

    @Override
    public ReadWrite transactionMode() {
        State st = state.get();
        return st == null ? null : st.mode;
    }

    @Override
    public TxnType transactionType() {
        State st = state.get();
        return st == null ? null : st.type;
    }

    @Override
    public boolean isInTransaction() {
        return state.get() != null;
    }

    @Override
    public void close() {
        connection.close();
    }
}
