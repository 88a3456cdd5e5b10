package org.reelgraph.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request body whose {@code Content-Type} names a charset Java does not know
 * ({@code text/plain; charset=bogus}) with 415. Jetty throws when such a request's content type
 * or form is read, which surfaced as 500 from the API and as an HTML page from Fuseki.
 */
final class RequestCharset implements Filter {
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]*)");

    private final ObjectMapper json;

    RequestCharset(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        // The raw header: HttpServletRequest.getContentType() is what throws.
        String type = request.getHeader("Content-Type");
        String charset = type == null ? null : charset(type);
        if (charset != null && !known(charset)) {
            HttpServletResponse response = (HttpServletResponse) res;
            response.setStatus(415);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(json.writeValueAsBytes(ProblemException.body(415, "Unsupported Media Type",
                    "The request body's charset '" + charset + "' is not one this server knows: send the body as UTF-8"
                            + " (Content-Type: " + type.split(";")[0].strip() + "; charset=utf-8).",
                    Requests.path(request), Map.of())));
            return;
        }
        chain.doFilter(req, res);
    }

    private static String charset(String contentType) {
        Matcher m = CHARSET.matcher(contentType);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static boolean known(String charset) {
        try {
            return !charset.isEmpty() && Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
