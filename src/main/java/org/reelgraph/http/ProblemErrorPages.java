package org.reelgraph.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The errors Jetty answers itself, before any filter or route runs: an unparsable URL or query
 * string (bad percent-encoding, encoded NUL, {@code ..%2f}), a form body it cannot decode, a
 * request line or header it refuses. Stock Jetty writes an HTML page for those; here they are
 * RFC 9457 problem documents like every other error, whatever the client accepts, and never
 * show a stack trace or an exception's class name.
 */
final class ProblemErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ProblemErrorPages.class);

    private ProblemErrorPages() {}

    /** For the servlet context: errors raised while filters and servlets read the request. */
    static ErrorHandler servlet(ObjectMapper json) {
        return new ErrorHandler() {
            {
                setShowStacks(false);
                setShowCauses(false);
            }

            @Override
            public boolean errorPageForMethod(String method) {
                return true;   // stock Jetty writes bodies only for GET, POST and HEAD
            }

            @Override
            protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                         List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
                writeProblem(json, request, response, callback, code, message);
                // The servlet channel must be told the error answer is complete, as Jetty's own pages do.
                ServletContextRequest servletRequest = Request.as(request, ServletContextRequest.class);
                if (servletRequest != null)
                    servletRequest.getServletChannel().sendErrorResponseAndComplete();
                return true;
            }
        };
    }

    /** For the server: requests refused before any context sees them (the URI or a header does not parse). */
    static org.eclipse.jetty.server.handler.ErrorHandler server(ObjectMapper json) {
        return new org.eclipse.jetty.server.handler.ErrorHandler() {
            {
                setShowStacks(false);
                setShowCauses(false);
            }

            @Override
            public boolean errorPageForMethod(String method) {
                return true;
            }

            @Override
            protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                         List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
                writeProblem(json, request, response, callback, code, message);
                return true;
            }
        };
    }

    /**
     * A route failed with an exception nothing else maps: 503 with {@code Retry-After} when the store
     * cannot be reached (logged as a WARN, no stack trace: it is the store's state, not a bug), else 500
     * (logged with its cause); 502 when the store turns reelgraph's credentials away. The client gets a problem document, never a stack trace or class name.
     */
    static void uncaught(Exception e, Context ctx, String store) {
        Optional<ProblemException> unavailable = ProblemException.storeUnavailable(e, store);
        Optional<ProblemException> refused = ProblemException.storeRefused(e, store);
        Map<String, Object> body;
        if (refused.isPresent()) {
            log.warn("{} {}: {}", ctx.method(), ctx.path(), refused.get().getMessage());
            body = refused.get().body(ctx.path());
        } else if (unavailable.isPresent()) {
            log.warn("{} {}: {}", ctx.method(), ctx.path(), unavailable.get().getMessage());
            body = unavailable.get().body(ctx.path());
            ctx.header("Retry-After", Integer.toString(ProblemException.RETRY_AFTER_SECONDS));
        } else {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            body = ProblemException.body(500, "Internal Server Error",
                    "The server failed to answer this request; the failure is in its log.", ctx.path(), Map.of());
        }
        ctx.status((Integer) body.get("status")).json(body).contentType("application/problem+json");
    }

    private static void writeProblem(ObjectMapper json, Request request, Response response, Callback callback, int code, String message)
            throws IOException {
        byte[] body = json.writeValueAsBytes(ProblemException.body(code, title(code), detail(code, message),
                request.getHttpURI().getPath(), Map.of()));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static String title(int code) {
        String reason = org.eclipse.jetty.http.HttpStatus.getMessage(code);
        return reason == null ? "Error" : reason;
    }

    /** Jetty's reason ("Unable to parse URI query", "Ambiguous URI path separator") and what to do about it. */
    static String detail(int code, String message) {
        String reason = message == null || message.isBlank() || message.contains("Exception") ? title(code) : message;
        if (code == 400)
            return reason + ": the server could not read this request. Percent-encode the URL and form fields as UTF-8"
                    + " (%XX with two hex digits), do not encode '/', '..' or control characters in paths, and send text bodies as UTF-8.";
        if (code == 431)
            return reason + ": the request headers are larger than this server takes.";
        if (code == 414)
            return reason + ": the URL is longer than this server takes; POST long queries as application/sparql-query.";
        return reason;
    }
}
