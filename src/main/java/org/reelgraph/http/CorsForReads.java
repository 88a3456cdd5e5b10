package org.reelgraph.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CORS for reading only, so browser notebooks can query: any origin may GET, HEAD and POST a query.
 * Preflights never allow {@code Authorization}, PUT or DELETE, so no web page can write with a
 * visitor's token.
 */
final class CorsForReads implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getHeader("Origin") == null) {
            chain.doFilter(req, res);
            return;
        }
        if (request.getMethod().equals("OPTIONS") && request.getHeader("Access-Control-Request-Method") != null) {
            String method = request.getHeader("Access-Control-Request-Method");
            if (method.equals("GET") || method.equals("HEAD") || method.equals("POST")) {
                response.setHeader("Access-Control-Allow-Origin", "*");
                response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST");
                response.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type, If-None-Match, If-Modified-Since, Range");
                response.setHeader("Access-Control-Max-Age", "86400");
            }
            response.setStatus(204);
            return;
        }
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD")
                || (method.equals("POST") && SparqlRequests.isRead("POST", endpoint(request), request.getContentType(),
                        request.getParameter("query") != null, request.getParameter("update") != null));
        if (read) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Access-Control-Expose-Headers", "ETag, Last-Modified, Content-Range, Content-Disposition, Link");
        }
        chain.doFilter(req, res);
    }

    /** The SPARQL endpoint name of a request under the dataset ({@code sparql}, {@code query}, ...), else "-". */
    private static String endpoint(HttpServletRequest request) {
        String path = Requests.path(request);
        if (path.equals(ReelgraphServer.DATASET))
            return "";
        return path.startsWith(ReelgraphServer.DATASET + "/") ? path.substring(ReelgraphServer.DATASET.length() + 1) : "-";
    }
}
