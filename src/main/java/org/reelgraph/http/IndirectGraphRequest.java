package org.reelgraph.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A Graph Store request shown to Fuseki as the indirect request {@code STORE?graph=IRI}: the same
 * method, headers and body, addressed to the graph store endpoint with exactly one parameter, the
 * graph. Fuseki's Graph Store Protocol then applies all of its rules (content negotiation, 201 for a
 * new graph, 404 for a missing one, multipart bodies) to the graph the request means.
 *
 * <p>{@link #getRequestURL()} is the graph IRI: Fuseki resolves relative IRIs in the body against
 * the request URL plus its query string, so {@code <sibling>} in a body means the sibling of the graph.
 */
final class IndirectGraphRequest extends HttpServletRequestWrapper {
    private static final String GRAPH = "graph";

    private final String storePath;
    private final String graph;

    /**
     * @param storePath the graph store endpoint without context path ({@code /reelgraph/data})
     * @param graph     the absolute IRI of the graph the request is about
     */
    IndirectGraphRequest(HttpServletRequest request, String storePath, String graph) {
        super(request);
        this.storePath = storePath;
        this.graph = graph;
    }

    @Override
    public String getRequestURI() {
        return getContextPath() + storePath;
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer(graph);
    }

    @Override
    public String getServletPath() {
        return "";
    }

    @Override
    public String getPathInfo() {
        return storePath;
    }

    @Override
    public String getQueryString() {
        return GRAPH + "=" + URLEncoder.encode(graph, StandardCharsets.UTF_8);
    }

    @Override
    public String getParameter(String name) {
        return GRAPH.equals(name) ? graph : null;
    }

    @Override
    public String[] getParameterValues(String name) {
        return GRAPH.equals(name) ? new String[] {graph} : null;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(List.of(GRAPH));
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Map.of(GRAPH, new String[] {graph});
    }
}
