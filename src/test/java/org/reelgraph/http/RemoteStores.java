package org.reelgraph.http;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.reelgraph.chronology.PublishedChronology;
import org.reelgraph.load.Loader;
import org.reelgraph.load.ShapesCheck;
import org.reelgraph.load.Sources;
import org.reelgraph.store.RemoteEndpoints;
import org.reelgraph.store.Store;

/** Fills a remote store as {@code serve} does, with no request timeout (the first load is one large write). */
final class RemoteStores {
    private RemoteStores() {}

    static void load(String queryEndpoint) {
        try (Store store = Store.remote(RemoteEndpoints.of(queryEndpoint), Duration.ofSeconds(5))) {
            PublishedChronology.install(store);
            Sources sources = new Sources(Path.of("").toAbsolutePath());
            if (store.isEmpty())
                new Loader(store, ShapesCheck.of(sources), Clock.systemUTC()).load(sources.standard());
        }
    }
}
