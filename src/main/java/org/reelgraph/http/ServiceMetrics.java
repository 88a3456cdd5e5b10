package org.reelgraph.http;

import java.io.IOException;
import java.io.OutputStream;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import org.reelgraph.store.StatementCount;

/**
 * The service's Prometheus metrics, in a registry of this server's own (tests start several servers
 * in one JVM; the client's static default registry would add their counts together):
 * {@code http_requests_total{route,method,status}}, {@code sparql_query_duration_seconds},
 * {@code sparql_active_queries} and {@code store_triples}.
 */
final class ServiceMetrics {
    /** {@code text/plain; version=0.0.4; charset=utf-8}: the format every Prometheus scrapes. */
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    /** From point look-ups (about a millisecond) to past the default 30 s query timeout. */
    private static final double[] QUERY_SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Histogram queryDuration;
    private final Gauge activeQueries;

    ServiceMetrics(StatementCount statements) {
        requests = Counter.builder().name("http_requests_total")
                .help("HTTP requests answered, by route template (not the raw path), method and status")
                .labelNames("route", "method", "status").register(registry);
        queryDuration = Histogram.builder().name("sparql_query_duration_seconds")
                .help("Time to answer a SPARQL query at /reelgraph/sparql, /reelgraph/query or /reelgraph, until the last byte")
                .unit(Unit.SECONDS).classicOnly().classicUpperBounds(QUERY_SECONDS).register(registry);
        activeQueries = Gauge.builder().name("sparql_active_queries")
                .help("SPARQL queries being answered now").register(registry);
        GaugeWithCallback.builder().name("store_triples")
                .help("Statements in the store, default graph and named graphs (a triple in two graphs counts twice); counted once per data version")
                .callback(gauge -> gauge.call(statements.current())).register(registry);
    }

    void answered(String route, String method, int status) {
        requests.labelValues(route, method, Integer.toString(status)).inc();
    }

    void queryStarted() {
        activeQueries.inc();
    }

    void queryFinished(long nanos) {
        // Observed before the gauge drops: a scrape that sees no query in flight has them all counted.
        queryDuration.observe(nanos / 1e9);
        activeQueries.dec();
    }

    /** Everything, in the Prometheus text format. */
    void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }
}
