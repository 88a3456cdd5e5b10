package org.reelgraph.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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
 * Remembers the answers of SPARQL queries asked by {@code GET} per data version: the same query text (the
 * whole query string) with the same {@code Accept} on the same version of the store gets the bytes the first
 * answer had, without parsing or running the query. Every committed write changes the version
 * ({@code Store.version()}), so an answer is never served after the data it was read from changed. The
 * version is read before the query runs (whose read transaction sees that version or a newer one) and again
 * after it; an answer is kept only when both agree. Only 200 answers up to {@link #MAX_ENTRY_BYTES} are kept,
 * at most {@link #MAX_TOTAL_BYTES} in all, least recently used first out; the first answer streams to its
 * client as Fuseki writes it. {@code X-Reelgraph-Cache: hit} or {@code miss} says which it was.
 */
final class SparqlResultCache implements Filter {
    static final int MAX_ENTRY_BYTES = 256 * 1024;
    static final long MAX_TOTAL_BYTES = 64L << 20;
    static final String HEADER = "X-Reelgraph-Cache";
    /** Headers Fuseki sets on a query answer that a cached answer repeats. */
    private static final Set<String> KEPT_HEADERS = Set.of("Vary", "Cache-Control", "Content-Disposition");

    private record Key(String version, String path, String query, String accept) {}

    private record Answer(String contentType, List<String[]> headers, byte[] body) {}

    private final Supplier<String> version;
    private final Set<String> paths;
    private long totalBytes;
    private final LinkedHashMap<Key, Answer> answers = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            if (totalBytes <= MAX_TOTAL_BYTES)
                return false;
            totalBytes -= eldest.getValue().body().length;
            return true;
        }
    };

    /** {@code version}: the store's current data version tag; {@code dataset}: the dataset's path ("/reelgraph"). */
    SparqlResultCache(Supplier<String> version, String dataset) {
        this.version = version;
        this.paths = Set.of(dataset, dataset + "/sparql", dataset + "/query");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String queryString = request.getQueryString();
        if (!request.getMethod().equals("GET") || queryString == null || !paths.contains(Requests.path(request))
                || request.getParameter("query") == null) {
            chain.doFilter(req, res);
            return;
        }
        String before = version.get();
        Key key = new Key(before, Requests.path(request), queryString, String.valueOf(request.getHeader("Accept")));
        Answer cached;
        synchronized (answers) {
            cached = answers.get(key);
        }
        if (cached != null) {
            response.setStatus(200);
            response.setContentType(cached.contentType());
            for (String[] h : cached.headers())
                response.addHeader(h[0], h[1]);
            response.setHeader(HEADER, "hit");
            response.setContentLength(cached.body().length);
            response.getOutputStream().write(cached.body());
            return;
        }
        response.setHeader(HEADER, "miss");
        Capture capture = new Capture(response);
        chain.doFilter(req, capture);
        capture.flushWriter();
        if (capture.getStatus() != 200 || capture.overflowed || capture.bytes.size() == 0 || !before.equals(version.get()))
            return;
        List<String[]> headers = new ArrayList<>();
        for (String name : KEPT_HEADERS)
            for (String value : response.getHeaders(name))
                headers.add(new String[] {name, value});
        Answer answer = new Answer(response.getContentType(), headers, capture.bytes.toByteArray());
        synchronized (answers) {
            Answer old = answers.put(key, answer);
            totalBytes += answer.body().length - (old == null ? 0 : old.body().length);
        }
    }

    /** Number of answers held (for tests). */
    int size() {
        synchronized (answers) {
            return answers.size();
        }
    }

    /** Passes everything to the client and keeps a copy of the body while it is small enough. */
    private static final class Capture extends HttpServletResponseWrapper {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean overflowed;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Capture(HttpServletResponse response) {
            super(response);
        }

        private void keep(byte[] b, int off, int len) {
            if (overflowed)
                return;
            if (bytes.size() + len > MAX_ENTRY_BYTES) {
                overflowed = true;
                bytes.reset();
                return;
            }
            bytes.write(b, off, len);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        keep(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        keep(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        out.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        out.close();
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
            }
            return writer;
        }

        void flushWriter() {
            if (writer != null)
                writer.flush();
        }
    }
}
