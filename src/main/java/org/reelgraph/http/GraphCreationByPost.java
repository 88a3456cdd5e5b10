package org.reelgraph.http;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/**
 * Graph Store Protocol §5.5: a POST of RDF to the graph store URL itself creates a new graph and
 * answers {@code 201 Created} with its IRI in {@code Location}. The new IRI is a fresh URL under the
 * store ({@code /reelgraph/data/{uuid}}), so direct identification dereferences it. Fuseki alone would
 * add the triples to the stored default graph (which queries do not see: their default graph is the
 * union of the named graphs), so the POST goes on as {@code /reelgraph/data?graph=<new IRI>}.
 *
 * <p>A TriG or N-Quads body names its own graphs; it keeps Fuseki's meaning, added to the dataset as it
 * is. Registered after {@link WriteGuard}: the POST needs the token like every write.
 */
final class GraphCreationByPost implements Filter {
    private final String storePath;

    /** @param storePath the graph store endpoint without context path ({@code /reelgraph/data}) */
    GraphCreationByPost(String storePath) {
        this.storePath = storePath;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        boolean toTheStore = request.getMethod().equals("POST") && Requests.path(request).equals(storePath)
                && request.getQueryString() == null;
        if (!toTheStore || namesItsGraphs(request.getContentType())) {
            chain.doFilter(req, res);
            return;
        }
        String graph = request.getRequestURL() + "/" + UUID.randomUUID();
        chain.doFilter(new IndirectGraphRequest(request, storePath, graph), new LocationOnCreated((HttpServletResponse) res, graph));
    }

    /** A quads syntax (TriG, N-Quads): the body says which graph each statement goes to. */
    private static boolean namesItsGraphs(String contentType) {
        if (contentType == null)
            return false;
        Lang lang = RDFLanguages.contentTypeToLang(contentType.split(";")[0].strip().toLowerCase(Locale.ROOT));
        return lang != null && !RDFLanguages.isTriples(lang);
    }

    /** Adds {@code Location} when Fuseki answers 201, and only then (a refused body creates nothing). */
    private static final class LocationOnCreated extends HttpServletResponseWrapper {
        private final String location;

        LocationOnCreated(HttpServletResponse response, String location) {
            super(response);
            this.location = location;
        }

        @Override
        public void setStatus(int sc) {
            if (sc == HttpServletResponse.SC_CREATED)
                setHeader("Location", location);
            super.setStatus(sc);
        }
    }
}
