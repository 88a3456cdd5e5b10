package org.reelgraph.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Counts every request, Fuseki's and Javalin's alike (a filter on {@code /*}), by route template,
 * method and status; times SPARQL queries and counts those in flight. Runs first, so its time
 * includes the other filters.
 */
final class RequestMetrics implements Filter {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
    private static final Set<String> QUERY_ENDPOINTS = Set.of("sparql", "query");

    private final ServiceMetrics metrics;

    RequestMetrics(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        boolean query = isQuery(request);
        long start = System.nanoTime();
        if (query)
            metrics.queryStarted();
        boolean failed = true;
        try {
            chain.doFilter(req, res);
            failed = false;
        } finally {
            if (query)
                metrics.queryFinished(System.nanoTime() - start);
            // An exception that escaped every handler ends as a 500 from Jetty.
            int status = failed && !response.isCommitted() ? 500 : response.getStatus();
            metrics.answered(RouteTemplates.of(request), method(request), status);
        }
    }

    /** Any method name a client makes up would be a new label value: those are "other". */
    private static String method(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        return METHODS.contains(method) ? method : "other";
    }

    /**
     * A SPARQL query: at a query endpoint or the dataset, a GET with {@code query=} or a POST of
     * {@code application/sparql-query} (or a form, at the query endpoints, which take no updates).
     * Reads only headers and the URL: a form body is left for Fuseki and its size limit.
     */
    static boolean isQuery(HttpServletRequest request) {
        String path = Requests.path(request);
        String endpoint;
        if (path.equals(ReelgraphServer.DATASET))
            endpoint = "";
        else if (path.startsWith(ReelgraphServer.DATASET + "/") && QUERY_ENDPOINTS.contains(path.substring(ReelgraphServer.DATASET.length() + 1)))
            endpoint = path.substring(ReelgraphServer.DATASET.length() + 1);
        else
            return false;
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD"))
            return hasQueryParameter(request.getQueryString());
        if (!method.equals("POST"))
            return false;
        // The raw header: getContentType() throws on an unknown charset, which RequestCharset answers later.
        String header = request.getHeader("Content-Type");
        String type = header == null ? "" : header.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return type.equals("application/sparql-query")
                || (type.equals("application/x-www-form-urlencoded") && !endpoint.isEmpty());
    }

    private static boolean hasQueryParameter(String queryString) {
        if (queryString == null)
            return false;
        for (String param : queryString.split("&"))
            if (param.equals("query") || param.startsWith("query="))
                return true;
        return false;
    }
}
