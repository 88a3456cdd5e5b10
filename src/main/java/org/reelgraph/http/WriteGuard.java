package org.reelgraph.http;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Servlet filter in front of the Fuseki dataset: reads pass, writes need
 * {@code Authorization: Bearer TOKEN}; without it the answer is a 401 problem document.
 */
final class WriteGuard implements Filter {
    private final String datasetPath;
    private final AccessToken token;
    private final ObjectMapper json;

    WriteGuard(String datasetPath, AccessToken token, ObjectMapper json) {
        this.datasetPath = datasetPath;
        this.token = token;
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = Requests.path(request);
        String endpoint = path.length() > datasetPath.length() ? path.substring(datasetPath.length()).replaceFirst("^/", "") : "";
        boolean read = SparqlRequests.isRead(request.getMethod(), endpoint, request.getContentType(),
                request.getParameter("query") != null, request.getParameter("update") != null);
        if (read) {
            chain.doFilter(req, res);
            return;
        }
        String presented = AccessToken.bearer(request.getHeader("Authorization"));
        if (presented == null) {
            refuse(response, path, "", "This request writes to the store and needs 'Authorization: Bearer TOKEN'. "
                    + "The token is in REELGRAPH_TOKEN or in run/token of the server.");
            return;
        }
        if (!token.matches(presented)) {
            refuse(response, path, ", error=\"invalid_token\"", "The bearer token is not the server's write token.");
            return;
        }
        chain.doFilter(req, res);
    }

    private void refuse(HttpServletResponse response, String path, String error, String detail) throws IOException {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"reelgraph\"" + error);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = json.writeValueAsBytes(ProblemException.body(401, "Unauthorized", detail, path, Map.of()));
        response.getOutputStream().write(body);
    }
}
