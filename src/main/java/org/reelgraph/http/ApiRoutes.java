package org.reelgraph.http;

import java.util.Map;
import java.util.Set;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.reelgraph.catalog.CachedCatalog;
import org.reelgraph.catalog.PageRequest;
import org.reelgraph.load.LoadException;
import org.reelgraph.load.ReviewIngest;
import org.reelgraph.load.Utf8Text;
import org.reelgraph.vocab.Iris;
import org.reelgraph.chronology.CachedChronology;
import org.reelgraph.chronology.Chronology;
import org.reelgraph.chronology.ChronologyOptions;
import org.reelgraph.chronology.ChronologyPage;
import org.reelgraph.chronology.ChronologyService;
import org.reelgraph.chronology.Order;

/** The JSON API under {@code /api}: parse the request, ask a service, write JSON. */
final class ApiRoutes {
    private final CachedCatalog catalog;
    private final CachedChronology chronology;
    static final String REVIEW_TOO_LARGE = "The request body is larger than this endpoint takes ("
            + ReelgraphServer.MAX_REVIEW_BYTES + " bytes for a review): send one review as plain text.";

    private final ReviewIngest reviews;
    private final AccessToken token;

    ApiRoutes(CachedCatalog catalog, CachedChronology chronology, ReviewIngest reviews, AccessToken token) {
        this.catalog = catalog;
        this.chronology = chronology;
        this.reviews = reviews;
        this.token = token;
    }

    void register(RoutesConfig routes) {
        // The list stays a JSON array (as before paging): its page is told by Link and X-Total-Count.
        routes.get("/api/franchises", ctx -> {
            var page = catalog.franchises(Paging.request(ctx));
            Paging.link(ctx, page.info());
            ctx.json(page.items());
        });
        routes.get("/api/franchises/{slug}", ctx -> {
            var franchise = catalog.franchise(slug(ctx), Paging.request(ctx)).orElseThrow(() -> unknown("franchise", slug(ctx)));
            ctx.json(franchise.withNext(Paging.link(ctx, franchise.page())));
        });
        routes.get("/api/franchises/{slug}/chronology", this::chronology);
        routes.get("/api/films/{slug}", ctx -> ctx.json(catalog.film(slug(ctx))
                .orElseThrow(() -> unknown("film", slug(ctx)))));
        routes.post("/api/reviews", this::ingestReview);
    }

    /** A review as text/plain becomes a review graph; 201 with what was extracted. */
    private void ingestReview(Context ctx) {
        String presented = AccessToken.bearer(ctx.header("Authorization"));
        if (presented == null || !token.matches(presented)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"reelgraph\"" + (presented == null ? "" : ", error=\"invalid_token\""));
            throw new ProblemException(401, "Unauthorized", "Posting a review writes to the store and needs "
                    + "'Authorization: Bearer TOKEN' with the server's write token (REELGRAPH_TOKEN or run/token).");
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip();
        if (!type.equals("text/plain"))
            throw new ProblemException(415, "Unsupported Media Type", "Send the review as text/plain (UTF-8), not '" + type + "'.");
        // Refused on the declared length before the body is touched: a client that sent Expect: 100-continue
        // (curl, for big bodies) gets the 413 without uploading anything, and nobody races a closing connection.
        if (ctx.req().getContentLengthLong() > ReelgraphServer.MAX_REVIEW_BYTES)
            throw new ProblemException(413, "Content Too Large", REVIEW_TOO_LARGE);
        String source = ctx.queryParam("source") == null ? "POST /api/reviews" : ctx.queryParam("source");
        String text;
        try {
            text = Utf8Text.decode(ctx.bodyAsBytes(), "the request body");
        } catch (LoadException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        if (text.isBlank())
            throw ProblemException.badRequest("The review is empty: send its text as the request body.");
        ReviewIngest.Ingested ingested;
        try {
            ingested = reviews.ingest(text, source);
        } catch (LoadException e) {
            throw new ProblemException(422, "Unprocessable Content", e.getMessage());
        }
        ctx.status(201).header("Location", ingested.review().replace(Iris.ID_BASE, "/id/"));
        ctx.json(Map.of("review", ingested.review(), "graph", ingested.graph(),
                "film", ingested.extraction().film(), "statements", ingested.extraction().statements()));
    }

    private void chronology(Context ctx) {
        String orderParam = ctx.queryParam("order") == null ? Order.STORY.id() : ctx.queryParam("order");
        Order order = Order.parse(orderParam).orElseThrow(() -> ProblemException.badRequest(
                "order must be 'story' or 'release', not '" + orderParam + "'"));
        String onConflictParam = ctx.queryParam("onConflict") == null ? "report" : ctx.queryParam("onConflict");
        Chronology.OnConflict onConflict = ChronologyOptions.onConflict(onConflictParam).orElseThrow(() -> ProblemException.badRequest(
                "onConflict must be 'report' or 'skip-weakest', not '" + onConflictParam + "'"));
        Set<String> sources = ChronologyOptions.sources(ctx.queryParams("source"));
        PageRequest pageRequest = Paging.request(ctx);
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
        ChronologyPage page = ChronologyPage.of(answer, pageRequest);
        ctx.json(page.withNext(Paging.link(ctx, page.page())));
    }

    private static String slug(Context ctx) {
        return ctx.pathParam("slug");
    }

    private static ProblemException unknown(String kind, String slug) {
        return ProblemException.notFound("No " + kind + " has the slug '" + slug + "'. GET /api/franchises lists the franchises.");
    }
}
