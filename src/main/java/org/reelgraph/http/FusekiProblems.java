package org.reelgraph.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Fuseki answers errors (a SPARQL syntax error, a timed-out query, an unsupported media type) in
 * plain text. This filter turns every error answer of the SPARQL endpoints into an RFC 9457 problem
 * document whose {@code detail} is Fuseki's message, and refuses request bodies over the limit
 * with 413 before Fuseki reads them. Successful answers pass through untouched and unbuffered.
 */
final class FusekiProblems implements Filter {
    private final ObjectMapper json;
    private final long maxBody;
    private final java.time.Duration timeout;

    FusekiProblems(ObjectMapper json, long maxBody, java.time.Duration timeout) {
        this.json = json;
        this.maxBody = maxBody;
        this.timeout = timeout;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = Requests.path(request);
        String tooLarge = " bytes; this server takes at most " + maxBody + " (--max-body). Split the upload or load the file with ./reelgraph load.";
        if (request.getContentLengthLong() > maxBody) {
            write(response, 413, "Content Too Large", "The request body has " + request.getContentLengthLong() + tooLarge, path);
            return;
        }
        // A body without Content-Length (chunked) is counted as it is read; past the limit reading fails,
        // Fuseki aborts its transaction, and the answer becomes 413.
        LimitedBody limited = new LimitedBody(request, maxBody);
        ErrorCapture capture = new ErrorCapture(response);
        long start = System.nanoTime();
        chain.doFilter(limited, capture);
        if (limited.exceeded) {
            write(response, 413, "Content Too Large", "The request body has more than " + maxBody + tooLarge, path);
            return;
        }
        // Fuseki answers a query stopped by the timeout with 503, but an update stopped by it (ARQ's
        // QueryCancelledException inside the write transaction, which it aborts) with a bare 500.
        if (capture.status == 500 && System.nanoTime() - start >= timeout.toNanos()) {
            write(response, 503, title(503), "The request ran longer than the server's timeout (" + timeout.toSeconds()
                    + " s, --timeout) and was stopped; nothing was written. Narrow its WHERE pattern or split it.", path);
            return;
        }
        if (capture.status >= 400 && !capture.alreadyProblem()) {
            String text = capture.message != null ? capture.message : capture.body.toString(StandardCharsets.UTF_8);
            write(response, capture.status, title(capture.status), text.strip().isEmpty() ? title(capture.status) : text.strip(), path);
        }
    }

    private void write(HttpServletResponse response, int status, String title, String detail, String path) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = json.writeValueAsBytes(ProblemException.body(status, title, detail, path, Map.of()));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }

    /** The request with a body that refuses to be read past the limit. */
    private static final class LimitedBody extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final long limit;
        private volatile boolean exceeded;
        private jakarta.servlet.ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                jakarta.servlet.ServletInputStream in = super.getInputStream();
                stream = new jakarta.servlet.ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0)
                            counted(1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0)
                            counted(n);
                        return n;
                    }

                    private void counted(int n) throws IOException {
                        count += n;
                        if (count > limit) {
                            exceeded = true;
                            throw new IOException("request body over " + limit + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(jakarta.servlet.ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }

    /** Lets success through; holds back the body of an error so it can be rewritten. */
    private static final class ErrorCapture extends HttpServletResponseWrapper {
        private int status = 200;
        private String message;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        ErrorCapture(HttpServletResponse response) {
            super(response);
        }

        boolean alreadyProblem() {
            String type = getContentType();
            return type != null && type.startsWith("application/problem+json");
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) {
            status = sc;
            message = msg;
        }

        @Override
        public void sendError(int sc) {
            status = sc;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (status < 400 || alreadyProblem())
                return super.getOutputStream();
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new IllegalStateException("error bodies are written synchronously");
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (status < 400 || alreadyProblem())
                return super.getWriter();
            return new PrintWriter(new java.io.OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
        }
    }
}
