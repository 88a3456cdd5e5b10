package org.reelgraph.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One INFO line per request on the logger {@code reelgraph.access}: method, path, status, milliseconds. */
final class AccessLog implements Filter {
    private static final Logger log = LoggerFactory.getLogger("reelgraph.access");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            if (log.isInfoEnabled()) {
                HttpServletRequest request = (HttpServletRequest) req;
                log.info("{} {} {} {} ms", request.getMethod(), Requests.path(request),
                        ((HttpServletResponse) res).getStatus(), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
