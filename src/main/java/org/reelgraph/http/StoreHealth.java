package org.reelgraph.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import org.reelgraph.store.Store;
import org.reelgraph.store.StoreUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health}, as Spring Boot's actuator and load balancers read it: 200 {@code {"status":"UP"}}
 * while the store answers, 503 {@code {"status":"DOWN"}} with {@code Retry-After} and the reason while
 * it does not (the process itself is alive and keeps trying: each request asks the store again, so the
 * answer turns UP by itself when the store is back). The check is one cheap read of the store, bounded
 * by the remote request timeout.
 */
final class StoreHealth {
    private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);

    private final Store store;

    StoreHealth(Store store) {
        this.store = store;
    }

    void answer(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        long graphs;
        try {
            graphs = store.read(this::countGraphs);
        } catch (RuntimeException e) {
            Optional<StoreUnreachable> why = StoreUnreachable.in(e);
            if (why.isEmpty())
                throw e;
            log.warn("health: the store {} cannot be reached: {}", store.description(), why.get().reason());
            body.put("status", "DOWN");
            body.put("store", store.description());
            body.put("reachable", false);
            body.put("error", why.get().reason());
            ctx.status(503).header("Retry-After", Integer.toString(ProblemException.RETRY_AFTER_SECONDS)).json(body);
            return;
        }
        body.put("status", "UP");
        body.put("store", store.description());
        body.put("reachable", true);
        body.put("graphs", graphs);
        ctx.json(body);
    }

    private long countGraphs() {
        long n = 0;
        for (var it = store.dataset().listGraphNodes(); it.hasNext(); it.next())
            n++;
        return n;
    }
}
