package org.reelgraph.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.http.auth.AuthLib;
import org.reelgraph.store.RemoteEndpoints;
import org.reelgraph.store.RemoteEngine;
import org.reelgraph.store.Store;

/**
 * {@code /reelgraph/sparql}, {@code /update} and {@code /data} over a remote store: each request is
 * sent on, as it came, to the store's query, update or Graph Store endpoint, and the store's answer is
 * streamed back (status, media type, body), so every result format and content negotiation of the
 * store works and nothing is parsed or held here. Our filters (token check for writes, problem
 * documents, CORS, metrics) stay in front. The client's {@code Authorization} is never passed on: the
 * store gets reelgraph's own credentials. After a forwarded write succeeds, the store is told that it
 * changed outside reelgraph's transactions, so derived data is rebuilt and the version moves on. A
 * store that cannot be reached answers 503 with {@code Retry-After}.
 */
final class RemoteSparqlForwarder extends HttpServlet {
    /** Not forwarded either way (RFC 9110 7.6.1 hop-by-hop, and what the JDK client sets itself). */
    private static final Set<String> HOP = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "authorization",
            "http2-settings", "accept-encoding");
    private static final int RETRY_AFTER_SECONDS = ProblemException.RETRY_AFTER_SECONDS;

    private final String datasetPath;
    private final Store store;
    private final RemoteEndpoints endpoints;
    private final HttpClient client;
    private final ObjectMapper json;

    RemoteSparqlForwarder(String datasetPath, Store store, ObjectMapper json) {
        this.datasetPath = datasetPath;
        this.store = store;
        this.endpoints = store.remote().orElseThrow();
        this.client = store.httpClient();
        this.json = json;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Requests.path(request);
        String endpoint = path.length() > datasetPath.length() ? path.substring(datasetPath.length()).replaceFirst("^/", "") : "";
        String type = mediaType(request.getContentType());
        boolean form = type.equals("application/x-www-form-urlencoded");
        boolean hasQuery = request.getParameter("query") != null;
        boolean hasUpdate = request.getParameter("update") != null;
        String target = switch (endpoint) {
            case "sparql", "query" -> endpoints.query();
            case "update" -> endpoints.update();
            case "data" -> endpoints.gsp();
            case "" -> hasUpdate || type.equals("application/sparql-update") ? endpoints.update()
                    : hasQuery || type.equals("application/sparql-query") ? endpoints.query() : endpoints.gsp();
            default -> null;
        };
        if (target == null) {
            problem(response, 404, "Not Found", "Nothing at " + path + ": the SPARQL endpoints are " + datasetPath
                    + "/sparql, /update and /data.", path, false);
            return;
        }
        boolean read = SparqlRequests.isRead(request.getMethod(), endpoint, request.getContentType(), hasQuery, hasUpdate);
        // A form body was already read as parameters (the token check looked at them): send them again as a form.
        String query = form ? null : request.getQueryString();
        URI uri = URI.create(query == null ? target : target + (target.contains("?") ? "&" : "?") + query);
        // No timeout here: the store's client gives reads the query timeout and writes the (longer) update timeout.
        HttpRequest.Builder forward = HttpRequest.newBuilder(uri);
        for (String name : Collections.list(request.getHeaderNames()))
            if (!HOP.contains(name.toLowerCase(Locale.ROOT)))
                for (String value : Collections.list(request.getHeaders(name)))
                    forward.header(name, value);
        // The answer to the store's last challenge (Basic or Digest), as the store's own client sends it: see RemoteStore.
        if (endpoints.authenticated())
            AuthEnv.get().addAuth(forward, target);
        // A SPARQL Update carries the version change in the same request: no front end can see the new data under the
        // old version (and keep serving what it cached under it). Graph Store writes move it right after (changedOutside).
        boolean sparqlUpdate = !read && (type.equals("application/sparql-update") || form && hasUpdate);
        if (endpoints.engine() == RemoteEngine.VIRTUOSO && request.getMethod().equals("POST") && type.equals("application/sparql-query")) {
            // Virtuoso 7.2 never answers a POST of application/sparql-query: the same query goes as a form.
            String text = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            forward.setHeader("Content-Type", "application/x-www-form-urlencoded");
            forward.method("POST", HttpRequest.BodyPublishers.ofString("query=" + encode(text), StandardCharsets.UTF_8));
        } else
            forward.method(request.getMethod(), body(request, form, sparqlUpdate ? store::withNewVersion : null, endpoints.authenticated()));
        HttpResponse<InputStream> answer;
        try {
            answer = send(forward.build());
        } catch (IOException e) {
            // Refused, timed out, or the connection cut mid-request (the store died): all mean "not reachable now".
            String why = e instanceof HttpTimeoutException ? "no answer within the request timeout"
                    : e instanceof ConnectException ? "connection refused" : "the connection failed";
            problem(response, 503, "Service Unavailable", "The remote SPARQL store at " + target + " cannot be reached: " + why
                    + ". Try again in " + RETRY_AFTER_SECONDS + " seconds; /health says when it is back.", path, true);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(response, 503, "Service Unavailable", "Interrupted while waiting for the remote store.", path, true);
            return;
        }
        if (answer.statusCode() == 401 || answer.statusCode() == 403) {
            // The store's challenge is for reelgraph's operator, not for this client (whose browser would ask for the store's password).
            answer.body().close();
            problem(response, 502, "Bad Gateway", "The remote SPARQL store at " + target + " answered " + answer.statusCode()
                    + (endpoints.authenticated() ? " to the user '" + endpoints.user() + "': the user or its password is wrong there,"
                            + " or it lacks the right to this" : ": it asks for a user and password, and reelgraph runs without")
                    + ". The operator fixes this with --remote-user and --remote-password-file.", path, false);
            return;
        }
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP.contains(lower) && !lower.equals(":status") && !lower.equals("content-encoding") && !lower.startsWith("access-control-"))
                values.forEach(v -> response.addHeader(name, v));
        });
        answer.headers().firstValue("Content-Length").ifPresent(n -> response.setHeader("Content-Length", n));
        try (InputStream in = answer.body()) {
            if (!request.getMethod().equals("HEAD")) {
                OutputStream out = response.getOutputStream();
                in.transferTo(out);
            }
        }
        if (!read && answer.statusCode() / 100 == 2)
            store.changedOutside();
    }

    /**
     * To the store; over an authenticated store through Jena's challenge handling, which sends the request again
     * with the answer to a 401's Basic or Digest challenge.
     */
    private HttpResponse<InputStream> send(HttpRequest request) throws IOException, InterruptedException {
        if (!endpoints.authenticated())
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            return AuthLib.authExecute(client, request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpException e) {
            for (Throwable t = e; t != null; t = t.getCause())
                if (t instanceof IOException io)
                    throw io;
            throw e;
        }
    }

    /**
     * The body to send on; {@code update} (null: none) rewrites the text of a SPARQL Update (body or {@code update=} field).
     * {@code again}: the body may be sent twice (an authentication challenge answered), so it is read whole first.
     */
    private static HttpRequest.BodyPublisher body(HttpServletRequest request, boolean form, UnaryOperator<String> update, boolean again) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("DELETE") || method.equals("OPTIONS"))
            return HttpRequest.BodyPublishers.noBody();
        if (form) {
            StringJoiner body = new StringJoiner("&");
            for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet())
                for (String v : p.getValue())
                    body.add(encode(p.getKey()) + "=" + encode(update != null && p.getKey().equals("update") ? update.apply(v) : v));
            return HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
        }
        if (update != null && mediaType(request.getContentType()).equals("application/sparql-update")) {
            try {
                String text = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return HttpRequest.BodyPublishers.ofString(update.apply(text), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (again) {
            try {
                return HttpRequest.BodyPublishers.ofByteArray(request.getInputStream().readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return request.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        // With the client's length, not chunked: Virtuoso 7.2 answers 201 to a chunked PUT and keeps nothing of it.
        long length = request.getContentLengthLong();
        return length >= 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    }

    private void problem(HttpServletResponse response, int status, String title, String detail, String path, boolean retry)
            throws IOException {
        response.setStatus(status);
        if (retry)
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(ProblemException.body(status, title, detail, path, Map.of())));
    }
}
