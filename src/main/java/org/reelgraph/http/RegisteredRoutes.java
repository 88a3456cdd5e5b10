package org.reelgraph.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.javalin.event.HandlerMetaInfo;

/**
 * Every HTTP route the Javalin app registered, as Javalin reports them (its {@code handlerAdded}
 * event), not as a hand-kept list: what the OpenAPI test compares the spec with.
 */
public final class RegisteredRoutes {
    /** One route: the method ({@code GET}) and the path template ({@code /api/films/{slug}}). */
    public record Route(String method, String path) {}

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    void added(HandlerMetaInfo handler) {
        // Before and after handlers are not routes.
        if (handler.getHttpMethod().isHttpMethod())
            routes.add(new Route(handler.getHttpMethod().name(), handler.getPath()));
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }
}
