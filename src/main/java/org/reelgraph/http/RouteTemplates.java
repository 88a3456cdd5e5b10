package org.reelgraph.http;

import java.util.Set;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The route a request went to, as a metrics label: the template ({@code /api/films/{slug}}), never
 * the raw path, so label values stay few however many films there are. Javalin's matched endpoint
 * is remembered by {@link #remember} (an {@code after} handler); Fuseki's endpoints are a fixed set;
 * everything else is {@link #UNMATCHED}.
 */
final class RouteTemplates {
    static final String UNMATCHED = "unmatched";
    private static final String ATTRIBUTE = RouteTemplates.class.getName();
    /** The services Fuseki offers under the dataset ({@code FusekiServer.Builder.add(name, dsg, true)}). */
    private static final Set<String> FUSEKI_ENDPOINTS = Set.of("sparql", "query", "update", "data", "get", "upload");

    private RouteTemplates() {}

    /** Runs after every Javalin request: the template of the endpoint that answered, if any did. */
    static void remember(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null)
            ctx.req().setAttribute(ATTRIBUTE, matched.path);
    }

    static String of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String template)
            return template;
        String path = Requests.path(request);
        if (path.equals(ReelgraphServer.DATASET))
            return path;
        if (path.startsWith(ReelgraphServer.DATASET + "/") && FUSEKI_ENDPOINTS.contains(path.substring(ReelgraphServer.DATASET.length() + 1)))
            return path;
        return UNMATCHED;
    }
}
