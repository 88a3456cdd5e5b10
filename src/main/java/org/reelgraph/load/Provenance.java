package org.reelgraph.load;

import java.time.Instant;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Prefixes;
import org.reelgraph.vocab.RG;

/** PROV-O metadata of each source graph, kept in the meta graph (DESIGN.md section 3). */
public final class Provenance {
    static final String VERSION = "reelgraph 0.1.0";

    private static final Node ENTITY = NodeFactory.createURI(Prefixes.PROV + "Entity");
    private static final Node GENERATED_AT = NodeFactory.createURI(Prefixes.PROV + "generatedAtTime");
    private static final Node TRIPLES = NodeFactory.createURI(Prefixes.VOID + "triples");
    private static final Node DERIVED_FROM = NodeFactory.createURI(Prefixes.PROV + "wasDerivedFrom");

    private Provenance() {}

    /** Replaces what the meta graph says about {@code graph}. */
    static void record(DatasetGraph dsg, Node graph, String source, String sha256, Instant loadedAt, long triples, String version) {
        Node meta = Iris.META_GRAPH;
        dsg.deleteAny(meta, graph, Node.ANY, Node.ANY);
        dsg.add(meta, graph, RDF.type.asNode(), ENTITY);
        dsg.add(meta, graph, DCTerms.source.asNode(), NodeFactory.createLiteralString(source));
        dsg.add(meta, graph, RG.sha256, NodeFactory.createLiteralString(sha256));
        dsg.add(meta, graph, GENERATED_AT, NodeFactory.createLiteralDT(loadedAt.toString(), XSDDatatype.XSDdateTime));
        dsg.add(meta, graph, RG.extractorVersion, NodeFactory.createLiteralString(version));
        dsg.add(meta, graph, TRIPLES, NodeFactory.createLiteralDT(Long.toString(triples), XSDDatatype.XSDinteger));
    }

    /** One file an import read: its name as given, its size and SHA-256. */
    public record ImportedFile(String name, long bytes, String sha256) {}

    /**
     * Replaces what the meta graph says about an imported graph: like {@link #record}, with one
     * {@code prov:wasDerivedFrom [ dcterms:source ; dcterms:extent ; rg:sha256 ]} per file read.
     */
    static void recordImport(DatasetGraph dsg, Node graph, String dataset, java.util.List<ImportedFile> files, Instant loadedAt,
                             long triples, String version) {
        Node meta = Iris.META_GRAPH;
        for (Node file : dsg.stream(meta, graph, DERIVED_FROM, Node.ANY).map(q -> q.getObject()).filter(Node::isBlank).toList())
            dsg.deleteAny(meta, file, Node.ANY, Node.ANY);
        dsg.deleteAny(meta, graph, Node.ANY, Node.ANY);
        dsg.add(meta, graph, RDF.type.asNode(), ENTITY);
        dsg.add(meta, graph, DCTerms.source.asNode(), NodeFactory.createLiteralString(dataset));
        dsg.add(meta, graph, GENERATED_AT, NodeFactory.createLiteralDT(loadedAt.toString(), XSDDatatype.XSDdateTime));
        dsg.add(meta, graph, RG.extractorVersion, NodeFactory.createLiteralString(version));
        dsg.add(meta, graph, TRIPLES, NodeFactory.createLiteralDT(Long.toString(triples), XSDDatatype.XSDinteger));
        for (ImportedFile f : files) {
            Node file = NodeFactory.createBlankNode();
            dsg.add(meta, graph, DERIVED_FROM, file);
            dsg.add(meta, file, DCTerms.source.asNode(), NodeFactory.createLiteralString(f.name()));
            dsg.add(meta, file, DCTerms.extent.asNode(), NodeFactory.createLiteralDT(Long.toString(f.bytes()), XSDDatatype.XSDinteger));
            dsg.add(meta, file, RG.sha256, NodeFactory.createLiteralString(f.sha256()));
        }
    }
}
