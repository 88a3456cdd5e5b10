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
 * document whose {@code detail} is Fuseki's message (without Java class names), and refuses request
 * bodies over the limit with 413 before Fuseki reads them. Bodies and query parameters are watched
 * as they stream ({@link InputShape}): invalid UTF-8, brackets nested past what the parsers take
 * and endless UNION chains get 400 instead of a silently altered store or a stack overflow (500).
 * A failed {@code LOAD} and a refused {@code SERVICE} are the client's problem (400), not the
 * server's. Successful answers pass through untouched and unbuffered.
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
            write(request, response, 413, "Content Too Large", "The request body has " + request.getContentLengthLong() + tooLarge, path);
            return;
        }
        String graph = request.getParameter("graph");
        if (graph != null && !graph.chars().allMatch(FusekiProblems::allowedInIri)) {
            write(request, response, 400, "Bad Request", "graph=" + graph.replaceAll("\\p{Cntrl}", "?") + " is not an IRI: spaces, control"
                    + " characters and <>\"{}|\\^` are not allowed in IRIs (percent-encode them).", path);
            return;
        }
        String updateParameter = request.getParameter("update");
        boolean loadInParameter = updateParameter != null && updateParameter.matches("(?is).*\\bLOAD\\b.*");
        for (String parameter : new String[] {"query", "update"}) {
            String value = request.getParameter(parameter);
            String refusal = value == null ? null : InputShape.refusal(value, true);
            if (refusal != null) {
                write(request, response, 400, "Bad Request", "The " + parameter + " cannot be run: " + refusal + ".", path);
                return;
            }
        }
        // A body without Content-Length (chunked) is counted as it is read; past the limit reading fails,
        // Fuseki aborts its transaction, and the answer becomes 413. The same goes for a body InputShape refuses (400).
        LimitedBody limited = new LimitedBody(request, maxBody, shapeFor(request.getContentType()));
        ErrorCapture capture = new ErrorCapture(response);
        long start = System.nanoTime();
        try {
            chain.doFilter(limited, capture);
        } catch (RuntimeException | ServletException e) {
            // A remote store down or too slow (reading its data version, or the forwarded request): 503, not a 500 page.
            var refused = ProblemException.storeRefused(e, "remote SPARQL store");
            if (refused.isPresent() && !response.isCommitted()) {
                write(request, response, 502, "Bad Gateway", refused.get().getMessage(), path);
                return;
            }
            var unavailable = ProblemException.storeUnavailable(e, "remote SPARQL store");
            if (unavailable.isEmpty() || response.isCommitted())
                throw e;
            response.setHeader("Retry-After", Integer.toString(ProblemException.RETRY_AFTER_SECONDS));
            write(request, response, 503, title(503), unavailable.get().getMessage(), path);
            return;
        }
        if (limited.exceeded) {
            write(request, response, 413, "Content Too Large", "The request body has more than " + maxBody + tooLarge, path);
            return;
        }
        if (limited.shape != null && limited.shape.refusal() != null) {
            write(request, response, 400, "Bad Request", "The request body cannot be read: " + limited.shape.refusal() + ".", path);
            return;
        }
        // Fuseki answers a query stopped by the timeout with 503, but an update stopped by it (ARQ's
        // QueryCancelledException inside the write transaction, which it aborts) with a bare 500.
        if (capture.status == 500 && System.nanoTime() - start >= timeout.toNanos()) {
            write(request, response, 503, title(503), "The request ran longer than the server's timeout (" + timeout.toSeconds()
                    + " s, --timeout) and was stopped; nothing was written. Narrow its WHERE pattern or split it.", path);
            return;
        }
        if (capture.status >= 400 && !capture.alreadyProblem()) {
            String text = capture.message != null ? capture.message : capture.body.toString(StandardCharsets.UTF_8);
            text = text.strip().isEmpty() ? title(capture.status) : plain(text.strip());
            int status = capture.status;
            boolean load = loadInParameter || (limited.shape != null && limited.shape.mentionsLoad());
            if (status == 500 && (load || isLoadFailure(text))) {
                status = 400;
                text = "LOAD failed (" + text + "). The server could not read that source as RDF: check that the URL is"
                        + " reachable from the server and serves RDF, or send the data with the Graph Store Protocol"
                        + " (PUT or POST to " + ReelgraphServer.DATASET + "/data).";
            } else if (status == 500 && text.contains("Not in GZIP format")) {
                status = 400;
                text = "The body says Content-Encoding: gzip but is not gzip data: send it compressed, or without that header.";
            } else if (status == 500 && text.matches("(?s).*Code: \\d+/[A-Z_]+ in [A-Z_]+.*")) {
                status = 400;
                text = "An IRI in the request is not valid (" + text + "): fix it or percent-encode what it contains.";
            } else if (text.startsWith("SERVICE execution disabled")) {
                status = 400;
                text = "This endpoint does not run SERVICE (federated queries): it would make the server fetch other URLs."
                        + " Query the other endpoint yourself and join the results, or load its data here.";
            }
            write(request, response, status, title(status), text, path);
        }
    }

    private static boolean allowedInIri(int c) {
        return c > 0x20 && c != 0x7F && "<>\"{}|\\^`".indexOf(c) < 0;
    }

    /** What the body is watched for, by its media type: text RDF and SPARQL are UTF-8; only SPARQL has UNION. */
    private static InputShape shapeFor(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case "application/sparql-query", "application/sparql-update" -> new InputShape(true, true);
            case "text/turtle", "application/n-triples", "application/n-quads", "application/trig", "text/plain",
                 "application/ld+json", "application/json", "text/n3", "text/rdf+n3" -> new InputShape(true, false);
            default -> null;
        };
    }

    /** Jena's messages when LOAD cannot fetch or parse its source: "Failed to LOAD ...", "GET http://...", "404 - Not Found". */
    private static boolean isLoadFailure(String text) {
        return text.startsWith("Failed to LOAD") || text.matches("(GET|HEAD|POST) \\S+") || text.matches("\\d{3} - .*");
    }

    /**
     * The message without what only a Java programmer reads: class names ({@code java.net.ConnectException: }),
     * stack frames, or a bare {@code StackOverflowError}.
     */
    static String plain(String text) {
        if (text.matches("[\\w.$]*StackOverflowError"))
            return "The input is nested too deeply to process: flatten it (fewer nested groups, brackets or UNIONs).";
        if (text.matches("[\\w.$]*(Exception|Error)"))
            return "The request could not be processed.";
        String cleaned = text.replaceAll("(?m)^\\s*at [\\w.$]+\\(.*\\)\\s*$", "")
                .replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*", "")
                .strip();
        return cleaned.isEmpty() ? "The request could not be processed." : cleaned;
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail, String path)
            throws IOException {
        UnreadBody.settle(request, response);
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

    /** The request with a body that refuses to be read past the limit, or past what {@code shape} accepts. */
    private static final class LimitedBody extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final long limit;
        private final InputShape shape;
        private volatile boolean exceeded;
        private jakarta.servlet.ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit, InputShape shape) {
            super(request);
            this.limit = limit;
            this.shape = shape;
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
                        if (b >= 0) {
                            counted(1);
                            watched(b);
                        } else {
                            ended();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            counted(n);
                            for (int i = offset; i < offset + n; i++)
                                watched(buffer[i] & 0xFF);
                        } else if (n < 0) {
                            ended();
                        }
                        return n;
                    }

                    private void watched(int b) throws IOException {
                        if (shape != null && !shape.accept(b))
                            throw new IOException("request body refused: " + shape.refusal());
                    }

                    private void ended() throws IOException {
                        if (shape != null && !shape.end())
                            throw new IOException("request body refused: " + shape.refusal());
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
