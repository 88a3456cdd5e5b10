package org.reelgraph.store;

import java.util.Collection;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;

/** A store that holds every RDF 1.2 statement as it is (Fuseki 5): statements go out as they are, blank nodes as skolem IRIs. */
final class GenericDialect implements RemoteDialect {

    @Override
    public String where(Quad pattern) {
        Node g = pattern.getGraph(), s = pattern.getSubject(), p = pattern.getPredicate(), o = pattern.getObject();
        return "GRAPH " + term(g, "g") + " { " + term(s, "s") + " " + term(p, "p") + " " + term(o, "o") + " }"
                + (g.isConcrete() ? "" : " " + shown("g"));
    }

    @Override
    public Quad statement(QuerySolution row, Quad pattern) {
        Node g = pattern.getGraph(), s = pattern.getSubject(), p = pattern.getPredicate(), o = pattern.getObject();
        return Quad.create(
                g.isConcrete() ? g : row.get("g").asNode(),
                s.isConcrete() ? s : Skolem.fromStore(row.get("s").asNode()),
                p.isConcrete() ? p : Skolem.fromStore(row.get("p").asNode()),
                o.isConcrete() ? o : Skolem.fromStore(row.get("o").asNode()));
    }

    @Override
    public String shown(String variable) {
        return "FILTER(?" + variable + " != " + NodeFmtLib.strNT(RemoteDataset.VERSION_GRAPH) + ")";
    }

    @Override
    public String count(boolean union) {
        return union ? "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } " + shown("g") + " } }"
                : "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } " + shown("g") + " }";
    }

    @Override
    public void write(RDFConnection connection, Collection<Node> dropped, Collection<Quad> deleted, Collection<Quad> added) {
        UpdateRequest request = new UpdateRequest();
        for (Node g : dropped)
            request.add(new UpdateDrop(g, true));
        if (!deleted.isEmpty()) {
            QuadDataAcc data = new QuadDataAcc();
            deleted.forEach(q -> data.addQuad(storeQuad(q)));
            request.add(new UpdateDataDelete(data));
        }
        if (!added.isEmpty()) {
            QuadDataAcc data = new QuadDataAcc();
            added.forEach(q -> data.addQuad(storeQuad(q)));
            request.add(new UpdateDataInsert(data));
        }
        connection.update(RemoteDataset.withNewVersion(request));
    }

    static String term(Node n, String variable) {
        return n.isConcrete() ? NodeFmtLib.strNT(Skolem.toStore(n)) : "?" + variable;
    }

    private static Quad storeQuad(Quad q) {
        Quad s = Skolem.toStore(q);
        return s.isDefaultGraph() ? Quad.create(Quad.defaultGraphNodeGenerated, s.asTriple()) : s;
    }
}
