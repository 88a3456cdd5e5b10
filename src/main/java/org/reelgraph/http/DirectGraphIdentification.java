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
 * Graph Store Protocol direct graph identification (§4.1): {@code /reelgraph/data/{anything}} is the
 * graph whose IRI is that request URL ({@code scheme://host:port/reelgraph/data/{anything}}, as the
 * client wrote it). Fuseki routes only the graph store endpoint itself, so the request goes on as the
 * equivalent indirect one, {@code /reelgraph/data?graph=<that URL>}: GET, HEAD, PUT, POST and DELETE
 * behave exactly as they do there. Registered after {@link WriteGuard}, which sees the original path
 * and asks writes for the token.
 */
final class DirectGraphIdentification implements Filter {
    private final String storePath;

    /** @param storePath the graph store endpoint without context path ({@code /reelgraph/data}) */
    DirectGraphIdentification(String storePath) {
        this.storePath = storePath;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String path = Requests.path(request);
        if (!path.startsWith(storePath + "/") || path.length() == storePath.length() + 1) {
            chain.doFilter(req, res);
            return;
        }
        if (request.getQueryString() != null) {
            // The graph IRI is the URL without a query; a query here would either be ignored or name a second graph.
            ((HttpServletResponse) res).sendError(400, "A graph URL under " + storePath + "/ identifies the graph by itself "
                    + "and takes no query string. Send the request to " + path + " alone, or use " + storePath
                    + "?graph=IRI (indirect identification).");
            return;
        }
        String graph = request.getRequestURL().toString();
        chain.doFilter(new IndirectGraphRequest(request, storePath, graph), res);
    }
}
