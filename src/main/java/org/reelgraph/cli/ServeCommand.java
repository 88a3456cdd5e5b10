package org.reelgraph.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.reelgraph.http.AccessToken;
import org.reelgraph.http.ReelgraphServer;
import org.reelgraph.load.LoadReport;
import org.reelgraph.load.Loader;
import org.reelgraph.load.ShapesCheck;
import org.reelgraph.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Loads ontology, data/ and seeds/ into an empty store, then serves HTTP.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger("reelgraph");

    @Option(names = "--port", defaultValue = "3030", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS", description = "Query and update timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--max-body", defaultValue = "67108864", paramLabel = "BYTES",
            description = "Largest request body accepted; larger ones get 413 (default: ${DEFAULT-VALUE}, 64 MiB).")
    long maxBody;

    @Option(names = "--base", defaultValue = "https://w3id.org/reelgraph/id/", paramLabel = "IRI",
            description = "Public base of the resource IRIs that /id/{kind}/{slug} serves (default: ${DEFAULT-VALUE}).")
    String base;

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        ProjectHome home = ProjectHome.fromEnvironment();
        Store store = storeOptions.open(home, Duration.ofSeconds(timeoutSeconds));
        Loader loader = new Loader(store, ShapesCheck.of(home.sources()), java.time.Clock.systemUTC());
        String loaded;
        if (store.isEmpty()) {
            LoadReport report = loader.load(home.sources().standard());
            loaded = "loaded " + report.graphs().size() + " graphs in " + report.elapsed().toMillis() + " ms";
        } else {
            loaded = "reusing the store as it is";
        }
        AccessToken token = AccessToken.fromEnvironmentOrNew(System.getenv(AccessToken.ENV), home.run().resolve("token"));
        ReelgraphServer server = ReelgraphServer.create()
                .store(store).loader(loader).host(host).port(port).token(token).timeout(Duration.ofSeconds(timeoutSeconds))
                .dumps(home.run().resolve("dumps")).base(base).maxBody(maxBody)
                .build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            try {
                store.close();
            } catch (RuntimeException e) {
                // Requests cut off by the stop still hold read transactions; committed data is safe on disk.
                log.warn("store not closed cleanly ({}); TDB2 recovers on the next start", e.getMessage());
            }
        }, "reelgraph-shutdown"));
        log.info("reelgraph on http://{}:{}/  store: {}, {} statements ({}); write token {}; started in {} ms",
                host, server.port(), store.description(), store.quadCount(), loaded, token.origin(),
                (System.nanoTime() - start) / 1_000_000);
        server.join();
        return Main.OK;
    }
}
