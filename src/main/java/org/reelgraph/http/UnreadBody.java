package org.reelgraph.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request refused before its body was read (a media type Fuseki does not take, a syntax error found
 * early) left the body on the connection; Jetty then closed the connection after an answer that had not
 * said so, and a client that had reused it for its next request (the JDK's HttpClient, Jena's) saw that
 * request fail with no answer at all. So the rest of a small body is read and dropped before the answer
 * completes, and the connection stays usable; a larger one is not read (sparing that is what a refusal is
 * for) and the answer says {@code Connection: close}, so no client sends another request on it.
 */
final class UnreadBody implements Filter {
    /** At most this much of a refused body is read to keep its connection. */
    static final long READ_AT_MOST = 1 << 20;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(req, res);
        HttpServletResponse response = (HttpServletResponse) res;
        if (response.getStatus() >= 400)
            settle((HttpServletRequest) req, response);
    }

    /**
     * Before an error answer is written (or after it, if it is not yet complete): reads the rest of a small
     * body, or marks the answer {@code Connection: close}. Nothing to do for a request without a body.
     */
    static void settle(HttpServletRequest request, HttpServletResponse response) {
        boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (body && (request.getContentLengthLong() > READ_AT_MOST || !readRest(request)))
            close(response);
    }

    /** Reads what is left of the body; false when more than {@link #READ_AT_MOST} is left, or it cannot be read. */
    private static boolean readRest(HttpServletRequest request) {
        try {
            long read = 0;
            try {
                InputStream in = request.getInputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0 && read <= READ_AT_MOST; )
                    read += n;
            } catch (IllegalStateException readAsText) {
                Reader in = request.getReader();
                char[] buffer = new char[8192];
                for (int n; (n = in.read(buffer)) >= 0 && read <= READ_AT_MOST; )
                    read += n;
            }
            return read <= READ_AT_MOST;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void close(HttpServletResponse response) {
        if (!response.isCommitted())
            response.setHeader("Connection", "close");
    }
}
