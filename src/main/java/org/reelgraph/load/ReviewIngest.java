package org.reelgraph.load;

import java.nio.charset.StandardCharsets;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Node;
import org.reelgraph.extract.Extraction;
import org.reelgraph.extract.ExtractionException;
import org.reelgraph.extract.Gazetteer;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;

/**
 * Ingests a review received as text: extract, validate, write into its own graph (one
 * transaction, all or nothing). The graph is named by the film and the text's digest, so the
 * same text again replaces its graph and another text about the same film adds a new one.
 */
public final class ReviewIngest {

    /** What was written: the review resource, its graph, and the statements extracted. */
    public record Ingested(String review, String graph, Extraction extraction) {}

    private final Store store;
    private final Loader loader;

    public ReviewIngest(Store store, Loader loader) {
        this.store = store;
        this.loader = loader;
    }

    /**
     * @param text   the review, already decoded
     * @param source where it came from (a URL, or a description such as {@code POST /api/reviews})
     * @throws LoadException when no known film is recognisable or the result does not validate
     */
    public Ingested ingest(String text, String source) {
        Extraction extraction;
        try {
            extraction = store.read(() -> loader.extractor().extract(text, Gazetteer.fromGraph(store.dataset().getUnionGraph())));
        } catch (ExtractionException e) {
            throw new LoadException(SourceError.of(source, e.getMessage()));
        }
        String film = extraction.film().id() == null ? "review" : Iris.slugOrIri(extraction.film().id());
        String slug = film + "-review-" + DigestUtils.sha256Hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        Node graph = Iris.reviewGraph(slug);
        loader.load(java.util.List.of(Source.reviewText(source, graph, text.getBytes(StandardCharsets.UTF_8))));
        return new Ingested(Iris.resource(Kind.REVIEW, slug), graph.getURI(), extraction);
    }
}
