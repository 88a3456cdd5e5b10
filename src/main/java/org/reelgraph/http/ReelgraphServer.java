package org.reelgraph.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.http.HttpServlet;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.reelgraph.catalog.CachedCatalog;
import org.reelgraph.catalog.FilmCatalog;
import org.reelgraph.chronology.CachedChronology;
import org.reelgraph.chronology.ChronologyService;
import org.reelgraph.chronology.PublishedChronology;
import org.reelgraph.dump.DumpFiles;
import org.reelgraph.load.LocalJsonLd;
import org.reelgraph.load.Loader;
import org.reelgraph.load.ReviewIngest;
import org.reelgraph.store.StatementCount;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Iris;

/**
 * The HTTP service on one port: Fuseki's SPARQL protocol at {@code /reelgraph/*} and a Javalin app
 * for everything else ({@code /api}, {@code /dumps}, {@code /health}), on Fuseki's Jetty.
 * Assemble with {@link #create()}; configuration errors surface at {@code build()}.
 */
public final class ReelgraphServer {
    public static final String DATASET = "/reelgraph";
    /** Jetty pools buffers only up to 64 KiB; Fuseki's 5 MiB default allocates one per response. */
    private static final int OUTPUT_BUFFER_BYTES = 32 * 1024;

    /** The largest review {@code POST /api/reviews} takes. */
    static final long MAX_REVIEW_BYTES = 4L << 20;

    private final FusekiServer fuseki;
    private final RegisteredRoutes routes;

    private ReelgraphServer(FusekiServer fuseki, RegisteredRoutes routes) {
        this.fuseki = fuseki;
        this.routes = routes;
    }

    public static Builder create() {
        return new Builder();
    }

    public ReelgraphServer start() {
        fuseki.start();
        return this;
    }

    public void stop() {
        fuseki.stop();
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    /** The routes of the Javalin app (everything but Fuseki's {@code /reelgraph/*}), as Javalin registered them. */
    public List<RegisteredRoutes.Route> routes() {
        return routes.all();
    }

    /** The port actually listened on (useful with port 0). */
    public int port() {
        return fuseki.getHttpPort();
    }

    public static ObjectMapper jsonMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    public static final class Builder {
        private Store store;
        private String host = "127.0.0.1";
        private int port = 3030;
        private AccessToken token;
        private Duration timeout = Duration.ofSeconds(30);
        private Path dumps;
        private String base = Iris.ID_BASE;
        private long maxBody = 64L << 20;
        private Loader loader;

        private Builder() {}

        public Builder store(Store store) {
            this.store = store;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder token(AccessToken token) {
            this.token = token;
            return this;
        }

        /** Query timeout; a query that runs longer is stopped. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The loader (shapes, extractor) that reviews posted to {@code /api/reviews} go through. */
        public Builder loader(Loader loader) {
            this.loader = loader;
            return this;
        }

        /** The largest request body accepted (bytes); larger ones get 413. */
        public Builder maxBody(long bytes) {
            this.maxBody = bytes;
            return this;
        }

        /** The public base of resource IRIs that {@code /id/{kind}/{slug}} dereferences. */
        public Builder base(String base) {
            this.base = base;
            return this;
        }

        /** Where dump files are kept (default: a new temporary directory). */
        public Builder dumps(Path directory) {
            this.dumps = directory;
            return this;
        }

        private Path dumpDirectory() {
            try {
                return dumps != null ? dumps : Files.createTempDirectory("reelgraph-dumps");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for dumps", e);
            }
        }

        public ReelgraphServer build() {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(token, "token: writes must be protected");
            Objects.requireNonNull(loader, "loader: posted reviews are extracted, validated and loaded");
            if (port < 0 || port > 65535)
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            // Both kinds of request stop at the timeout: an update's WHERE can run away as a query's can.
            store.dataset().getContext().set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
            // "initial,overall": Jena 5.6.0's streaming update (Fuseki's path) given only the overall timeout
            // cancels every WHERE at once; with both set it stops only updates that run too long.
            store.dataset().getContext().set(ARQ.updateTimeout, timeout.toMillis() + "," + timeout.toMillis());
            // SERVICE would let any visitor make the server fetch URLs of its network (request forgery).
            store.dataset().getContext().set(ARQ.httpServiceAllowed, false);
            LocalJsonLd.install();
            PublishedChronology.install(store);

            ObjectMapper json = jsonMapper();
            ServiceMetrics metrics = new ServiceMetrics(new StatementCount(store));
            RegisteredRoutes routes = new RegisteredRoutes();
            Javalin app = javalin(json, metrics, routes);
            FusekiServer.Builder assembly = FusekiServer.create().port(port).loopback(false);
            if (store.remote().isPresent())
                // The data lives in a remote store: the SPARQL protocol goes there as it came (see the forwarder).
                assembly.addServlet(DATASET + "/*", new RemoteSparqlForwarder(DATASET, store, json));
            else
                assembly.add(DATASET, store.dataset(), true);
            FusekiServer fuseki = assembly
                    .addFilter("/*", new UnreadBody())
                    .addFilter("/*", new RequestMetrics(metrics))
                    .addFilter("/*", new AccessLog())
                    .addFilter("/*", new CorsForReads())
                    .addFilter("/*", new RequestCharset(json))
                    .addFilter(DATASET + "/*", new FusekiProblems(json, maxBody, timeout))
                    .addFilter(DATASET + "/*", new ServiceDescription())
                    .addFilter(DATASET + "/*", new FormatAliases())
                    .addFilter(DATASET + "/*", new WriteGuard(DATASET, token, json))
                    .addFilter(DATASET + "/*", new UpdateDatasetConflict(DATASET))
                    // Last before Fuseki: answers to GET queries, per data version (every write changes it).
                    .addFilter(DATASET + "/*", new SparqlResultCache(() -> store.version().tag(), DATASET))
                    .addFilter(DATASET + "/data/*", new DirectGraphIdentification(DATASET + "/data"))
                    .addFilter(DATASET + "/data/*", new GraphCreationByPost(DATASET + "/data"))
                    // Everything the Fuseki filter does not dispatch goes to Javalin; its routes keep the full path.
                    .addServlet("/*", (HttpServlet) app.javalinServlet())
                    .build();
            for (Connector connector : fuseki.getJettyServer().getConnectors()) {
                if (connector instanceof ServerConnector sc) {
                    sc.setHost(host);
                    HttpConnectionFactory http = sc.getConnectionFactory(HttpConnectionFactory.class);
                    if (http != null)
                        http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER_BYTES);
                }
            }
            // Javalin's servlet expects Jetty's websocket components even when no websocket route exists.
            JettyWebSocketServletContainerInitializer.configure(
                    ServletContextHandler.getServletContextHandler(fuseki.getServletContext()), null);
            // Errors Jetty answers itself (unparsable URLs, forms, headers) as problem documents too.
            fuseki.getJettyServer().setErrorHandler(ProblemErrorPages.server(json));
            ServletContextHandler.getServletContextHandler(fuseki.getServletContext()).setErrorHandler(ProblemErrorPages.servlet(json));
            return new ReelgraphServer(fuseki, routes);
        }

        private Javalin javalin(ObjectMapper json, ServiceMetrics metrics, RegisteredRoutes routes) {
            FilmCatalog catalog = new FilmCatalog(store);
            ReviewIngest reviews = new ReviewIngest(store, loader);
            ApiRoutes api = new ApiRoutes(new CachedCatalog(store, catalog), new CachedChronology(store, new ChronologyService(catalog)), reviews, token);
            DumpRoutes dumps = new DumpRoutes(new DumpFiles(store, dumpDirectory()));
            LinkedDataRoutes linkedData = new LinkedDataRoutes(store, base);
            WebUiRoutes webUi = new WebUiRoutes(base);
            OperationsRoutes operations = new OperationsRoutes(metrics, OpenApiSpec.load(), ApiDocs.fromClasspath());
            return Javalin.create(config -> {
                config.events.handlerAdded(routes::added);
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                // Dumps set Content-Length and serve byte ranges; transparent compression would break both.
                config.http.compressionStrategy = CompressionStrategy.NONE;
                // A review is a few KiB; bigger bodies get 413 before they are read.
                config.http.maxRequestSize = MAX_REVIEW_BYTES;
                config.jsonMapper(new JavalinJackson(json, false));
                api.register(config.routes);
                dumps.register(config.routes);
                linkedData.register(config.routes);
                operations.register(config.routes);
                config.routes.after(RouteTemplates::remember);
                config.routes.get("/health", new StoreHealth(store)::answer);
                webUi.register(config);
                config.routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.body(ctx.path())));
                // Anything else: 503 with Retry-After when the store cannot be reached, else 500; a problem document either way.
                config.routes.exception(Exception.class, (e, ctx) -> ProblemErrorPages.uncaught(e, ctx, store.description()));
                // Javalin's own errors (no route, wrong method) as problem documents too.
                config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, ProblemException.body(
                        e.getStatus(), HttpStatus.forStatus(e.getStatus()).getMessage(),
                        switch (e.getStatus()) {
                            case 404 -> "Nothing at " + ctx.method() + " " + ctx.path() + ". See / for the endpoints.";
                            case 413 -> ApiRoutes.REVIEW_TOO_LARGE;
                            default -> e.getMessage();
                        },
                        ctx.path(), Map.of())));
            });
        }

        private static void problem(Context ctx, Map<String, Object> body) {
            ctx.status((Integer) body.get("status")).json(body).contentType("application/problem+json");
        }
    }
}
