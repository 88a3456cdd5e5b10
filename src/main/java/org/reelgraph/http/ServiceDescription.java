package org.reelgraph.http;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.RG;

/**
 * The SPARQL 1.1 Service Description, answered at the query endpoints for a GET without a query
 * (Fuseki answers 404 there): what the endpoint speaks, that its default graph is the union of the
 * named graphs, and where the dumps and the dataset description are. Turtle unless the client asks
 * for another RDF format.
 */
final class ServiceDescription implements Filter {
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String path = Requests.path(request);
        boolean endpoint = path.equals(ReelgraphServer.DATASET + "/sparql") || path.equals(ReelgraphServer.DATASET + "/query");
        boolean describe = (request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))
                && endpoint && request.getQueryString() == null;
        if (!describe) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        Lang lang = lang(request.getHeader("Accept"));
        response.setStatus(200);
        response.setContentType(lang.getHeaderString() + (lang.equals(Lang.JSONLD) ? "" : "; charset=utf-8"));
        response.setHeader("Vary", "Accept");
        if (request.getMethod().equals("HEAD"))
            return;
        String base = request.getScheme() + "://" + request.getHeader("Host");
        OutputStream out = response.getOutputStream();
        RDFDataMgr.write(out, describe(base + path, base), lang);
    }

    private static Lang lang(String accept) {
        if (accept != null)
            for (Lang lang : new Lang[] {Lang.TURTLE, Lang.JSONLD, Lang.RDFXML, Lang.NTRIPLES})
                if (accept.contains(lang.getHeaderString()))
                    return lang;
        return Lang.TURTLE;
    }

    static Graph describe(String endpointUrl, String base) {
        Graph g = GraphFactory.createDefaultGraph();
        Node service = NodeFactory.createBlankNode("service");
        Node dataset = NodeFactory.createBlankNode("dataset");
        Node defaultGraph = NodeFactory.createBlankNode("default-graph");
        g.add(service, RDF.type.asNode(), sd("Service"));
        g.add(service, sd("endpoint"), NodeFactory.createURI(endpointUrl));
        g.add(service, sd("supportedLanguage"), sd("SPARQL11Query"));
        g.add(service, sd("feature"), sd("UnionDefaultGraph"));
        g.add(service, sd("feature"), sd("BasicFederatedQuery"));
        for (String format : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML"})
            g.add(service, sd("resultFormat"), NodeFactory.createURI(FORMATS + format));
        g.add(service, sd("defaultDataset"), dataset);
        g.add(dataset, RDF.type.asNode(), sd("Dataset"));
        g.add(dataset, sd("defaultGraph"), defaultGraph);
        g.add(defaultGraph, RDF.type.asNode(), sd("Graph"));
        g.add(dataset, NodeFactory.createURI("http://rdfs.org/ns/void#dataDump"), NodeFactory.createURI(base + "/dumps/reelgraph.nq.gz"));
        g.add(dataset, NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#seeAlso"), NodeFactory.createURI(base + "/dumps/void.ttl"));
        g.add(dataset, NodeFactory.createURI("http://rdfs.org/ns/void#vocabulary"), NodeFactory.createURI(RG.NS));
        g.add(dataset, NodeFactory.createURI("http://rdfs.org/ns/void#uriSpace"), NodeFactory.createLiteralString(Iris.ID_BASE));
        return g;
    }

    private static Node sd(String local) {
        return NodeFactory.createURI(SD + local);
    }
}
