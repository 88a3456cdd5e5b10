package org.reelgraph.http;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.modify.request.UpdateWithUsing;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * SPARQL 1.1 Protocol §2.2.3: an update that gives {@code using-graph-uri} or
 * {@code using-named-graph-uri} must not also use {@code USING}, {@code USING NAMED} or {@code WITH}.
 * On TDB2 Fuseki parses and executes in one streaming step, so the conflict surfaced as an execution
 * error (500) after the write transaction had begun. This filter parses such an update first and
 * refuses the conflict with 400 before Fuseki sees it. Only updates that carry the protocol
 * parameters are parsed (and their body buffered); every other request passes untouched.
 */
final class UpdateDatasetConflict implements Filter {
    private static final String USING_GRAPH = "using-graph-uri";
    private static final String USING_NAMED_GRAPH = "using-named-graph-uri";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String SPARQL_UPDATE = "application/sparql-update";
    private static final Set<String> UPDATE_METHODS = Set.of("POST", "PATCH");

    private final Set<String> updatePaths;

    /** @param datasetPath the dataset URL ({@code /reelgraph}); it and its {@code /update} endpoint run updates */
    UpdateDatasetConflict(String datasetPath) {
        this.updatePaths = Set.of(datasetPath, datasetPath + "/update");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        boolean withProtocolDataset = request.getParameterValues(USING_GRAPH) != null
                || request.getParameterValues(USING_NAMED_GRAPH) != null;
        if (!withProtocolDataset || !UPDATE_METHODS.contains(request.getMethod())
                || !updatePaths.contains(Requests.path(request))) {
            chain.doFilter(req, res);
            return;
        }
        String type = mediaType(request.getContentType());
        // Fuseki reads a request without Content-Type as a form when it has update= (or request=), else as a body.
        String formText = request.getParameter("update") != null ? request.getParameter("update") : request.getParameter("request");
        if (FORM.equals(type) || (type == null && formText != null)) {
            if (refused(formText, response))
                return;
            chain.doFilter(req, res);
            return;
        }
        if (type != null && !type.equals(SPARQL_UPDATE)) {
            chain.doFilter(req, res);   // Fuseki answers 415
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (IOException e) {
            // FusekiProblems (outside this filter) turns this into a problem, or into 413 when the body was over the limit.
            response.sendError(400, "Cannot read the request body: " + e.getMessage());
            return;
        }
        if (refused(bodyText(request, body), response))
            return;
        chain.doFilter(new ReplayedBody(request, body), res);
    }

    /** Answers 400 when the update has a USING/WITH conflict; true when it did. */
    private static boolean refused(String update, HttpServletResponse response) throws IOException {
        if (update == null)
            return false;
        Optional<String> conflict = conflict(update);
        if (conflict.isEmpty())
            return false;
        // sendError, not a body: FusekiProblems renders every error of the dataset as one kind of problem document.
        response.sendError(400, conflict.get());
        return true;
    }

    /**
     * Why {@code update} cannot be combined with {@code using-graph-uri}/{@code using-named-graph-uri},
     * or empty when it can. An update that does not parse is not judged here: Fuseki reports its syntax error.
     */
    static Optional<String> conflict(String update) {
        UpdateRequest request;
        try {
            request = UpdateFactory.create(update, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
        List<Update> operations = request.getOperations();
        for (int i = 0; i < operations.size(); i++) {
            // UpdateModify (DELETE/INSERT ... WHERE) is the operation that can have USING and WITH.
            if (operations.get(i) instanceof UpdateWithUsing op) {
                String clause = op.getWithIRI() != null ? "WITH <" + op.getWithIRI().getURI() + ">"
                        : !op.getUsing().isEmpty() ? "USING <" + op.getUsing().get(0).getURI() + ">"
                        : !op.getUsingNamed().isEmpty() ? "USING NAMED <" + op.getUsingNamed().get(0).getURI() + ">"
                        : null;
                if (clause != null)
                    return Optional.of("The request gives " + USING_GRAPH + "/" + USING_NAMED_GRAPH
                            + " and operation " + (i + 1) + " of the update uses " + clause
                            + "; SPARQL 1.1 Protocol (2.2.3) does not allow both. Drop the parameters or the clause.");
            }
        }
        return Optional.empty();
    }

    /** The update text of a body, or null when its charset or encoding is not one this check reads (Fuseki judges those). */
    private static String bodyText(HttpServletRequest request, byte[] body) {
        String charset = request.getCharacterEncoding();
        if (charset != null && !charset.equalsIgnoreCase("UTF-8"))
            return null;
        String encoding = request.getHeader("Content-Encoding");
        if (encoding == null)
            return new String(body, StandardCharsets.UTF_8);
        if (!encoding.equalsIgnoreCase("gzip"))
            return null;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank())
            return null;
        return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** The request with its body, already read for the check, readable once more. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final ServletInputStream stream;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            this.stream = new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the replayed body is read synchronously");
                }
            };
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(stream, charset == null ? "UTF-8" : charset));
        }
    }
}
