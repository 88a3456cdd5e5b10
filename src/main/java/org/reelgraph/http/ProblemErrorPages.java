package org.reelgraph.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before any filter or route runs: an unparsable URL or query
 * string (bad percent-encoding, encoded NUL, {@code ..%2f}), a form body it cannot decode, a
 * request line or header it refuses. Stock Jetty writes an HTML page for those; here they are
 * RFC 9457 problem documents like every other error, whatever the client accepts, and never
 * show a stack trace or an exception's class name.
 */
final class ProblemErrorPages {
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
