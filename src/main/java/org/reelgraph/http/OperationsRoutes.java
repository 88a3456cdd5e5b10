package org.reelgraph.http;

import java.io.ByteArrayOutputStream;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** For operators and API users: {@code /metrics}, {@code /openapi.json} and the docs page {@code /docs}. */
final class OperationsRoutes {
    private final ServiceMetrics metrics;
    private final OpenApiSpec spec;
    private final ApiDocs docs;

    OperationsRoutes(ServiceMetrics metrics, OpenApiSpec spec, ApiDocs docs) {
        this.metrics = metrics;
        this.spec = spec;
        this.docs = docs;
    }

    void register(RoutesConfig routes) {
        routes.get("/metrics", this::metrics);
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(spec.json()));
        routes.get("/docs", docs::page);
        routes.get("/docs/{file}", docs::asset);
    }

    private void metrics(Context ctx) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        ctx.contentType(ServiceMetrics.CONTENT_TYPE).result(out.toByteArray());
    }
}
