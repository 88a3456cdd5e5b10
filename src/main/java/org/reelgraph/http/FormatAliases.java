package org.reelgraph.http;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * {@code ?format=} on the SPARQL endpoints with the names the rest of reelgraph uses. Fuseki already
 * knows json, xml, csv, tsv (results) and ttl, turtle, nt, json-ld, xml (graphs); this adds
 * {@code jsonld} and {@code rdfxml}, the names of {@code /id/...?format=} and the dumps.
 */
final class FormatAliases implements Filter {
    private static final Map<String, String> ALIASES = Map.of("jsonld", "json-ld", "rdfxml", "xml");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String format = request.getParameter("format");
        if (format == null || !ALIASES.containsKey(format)) {
            chain.doFilter(req, res);
            return;
        }
        String fusekiName = ALIASES.get(format);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return name.equals("format") ? fusekiName : super.getParameter(name);
            }

            @Override
            public String[] getParameterValues(String name) {
                return name.equals("format") ? new String[] {fusekiName} : super.getParameterValues(name);
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                Map<String, String[]> map = new java.util.HashMap<>(super.getParameterMap());
                map.put("format", new String[] {fusekiName});
                return map;
            }
        }, res);
    }
}
