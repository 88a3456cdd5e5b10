package org.reelgraph.vocab;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/** The prefixes reelgraph writes (dumps, messages) and that example queries use. */
public final class Prefixes {
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String SCHEMA = "https://schema.org/";
    public static final String VOID = "http://rdfs.org/ns/void#";

    /** Read-only. */
    public static final PrefixMapping STANDARD = build();

    private Prefixes() {}

    private static PrefixMapping build() {
        PrefixMapping pm = PrefixMapping.Factory.create();
        pm.setNsPrefix("rg", RG.NS);
        pm.setNsPrefix("rdf", RDF.getURI());
        pm.setNsPrefix("rdfs", RDFS.getURI());
        pm.setNsPrefix("xsd", XSD.getURI());
        pm.setNsPrefix("owl", OWL.getURI());
        pm.setNsPrefix("skos", SKOS.getURI());
        pm.setNsPrefix("dcterms", DCTerms.getURI());
        pm.setNsPrefix("foaf", FOAF.getURI());
        pm.setNsPrefix("prov", PROV);
        pm.setNsPrefix("schema", SCHEMA);
        pm.setNsPrefix("void", VOID);
        for (Kind kind : Kind.values())
            pm.setNsPrefix(kind.segment(), Iris.ID_BASE + kind.segment() + "/");
        pm.setNsPrefix("graph", Iris.GRAPH_BASE);
        return pm.lock();
    }

    /** SPARQL PREFIX lines for every standard prefix. */
    public static String sparqlPrologue() {
        StringBuilder sb = new StringBuilder();
        STANDARD.getNsPrefixMap().forEach((p, ns) -> sb.append("PREFIX ").append(p).append(": <").append(ns).append(">\n"));
        return sb.toString();
    }
}
