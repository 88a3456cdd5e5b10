package org.reelgraph.http;

import java.util.Map;
import java.util.Set;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.reelgraph.catalog.FilmCatalog;
import org.reelgraph.chronology.CachedChronology;
import org.reelgraph.chronology.Chronology;
import org.reelgraph.chronology.ChronologyOptions;
import org.reelgraph.chronology.ChronologyService;
import org.reelgraph.chronology.Order;

/** The JSON API under {@code /api}: parse the request, ask a service, write JSON. */
final class ApiRoutes {
    private final FilmCatalog catalog;
    private final CachedChronology chronology;

    ApiRoutes(FilmCatalog catalog, CachedChronology chronology) {
        this.catalog = catalog;
        this.chronology = chronology;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/franchises", ctx -> ctx.json(catalog.franchises()));
        routes.get("/api/franchises/{slug}", ctx -> ctx.json(catalog.franchise(slug(ctx))
                .orElseThrow(() -> unknown("franchise", slug(ctx)))));
        routes.get("/api/franchises/{slug}/chronology", this::chronology);
        routes.get("/api/films/{slug}", ctx -> ctx.json(catalog.film(slug(ctx))
                .orElseThrow(() -> unknown("film", slug(ctx)))));
    }

    private void chronology(Context ctx) {
        String orderParam = ctx.queryParam("order") == null ? Order.STORY.id() : ctx.queryParam("order");
        Order order = Order.parse(orderParam).orElseThrow(() -> ProblemException.badRequest(
                "order must be 'story' or 'release', not '" + orderParam + "'"));
        String onConflictParam = ctx.queryParam("onConflict") == null ? "report" : ctx.queryParam("onConflict");
        Chronology.OnConflict onConflict = ChronologyOptions.onConflict(onConflictParam).orElseThrow(() -> ProblemException.badRequest(
                "onConflict must be 'report' or 'skip-weakest', not '" + onConflictParam + "'"));
        Set<String> sources = ChronologyOptions.sources(ctx.queryParams("source"));
        String includeParam = ctx.queryParam("include") == null ? "films" : ctx.queryParam("include");
        boolean allKinds = ChronologyOptions.includeAll(includeParam).orElseThrow(() -> ProblemException.badRequest(
                "include must be 'films' (feature films) or 'all' (with short films and TV series), not '" + includeParam + "'"));
        var answer = chronology.chronology(new ChronologyService.Request(slug(ctx), order, onConflict, sources, allKinds))
                .orElseThrow(() -> unknown("franchise", slug(ctx)));
        if (answer.hasConflicts())
            throw new ProblemException(409, "Chronology conflict",
                    "The placement edges of franchise '" + slug(ctx) + "' form a cycle, so there is no story order. "
                            + "Fix or remove one edge of each cycle in the graphs named below, limit the sources with ?source=, "
                            + "or ask for ?onConflict=skip-weakest.",
                    Map.of("franchise", answer.franchise(), "order", answer.order(), "conflicts", answer.conflicts()));
        ctx.json(answer);
    }

    private static String slug(Context ctx) {
        return ctx.pathParam("slug");
    }

    private static ProblemException unknown(String kind, String slug) {
        return ProblemException.notFound("No " + kind + " has the slug '" + slug + "'. GET /api/franchises lists the franchises.");
    }
}
