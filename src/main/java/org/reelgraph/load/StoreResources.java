package org.reelgraph.load;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL;
import org.reelgraph.importer.KnownResources;
import org.reelgraph.vocab.ExternalIds;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Prefixes;
import org.reelgraph.vocab.RG;

/**
 * What the store knows, for an import into {@code target}: every other graph's
 * {@code schema:sameAs} IMDb pages and {@code owl:sameAs} Wikidata entities, read once into a map
 * (tens of thousands in curated data, one per record of an earlier import of the other dataset),
 * and per-IRI look-ups of who holds a slug. Use inside a read or write transaction.
 */
final class StoreResources implements KnownResources {
    private static final Node SCHEMA_SAME_AS = NodeFactory.createURI(Prefixes.SCHEMA + "sameAs");

    private final DatasetGraph dsg;
    private final Node target;
    /** External IRI (normalised: IMDb pages as {@link ExternalIds#imdbUrl}) → resource IRI. */
    private final Map<String, String> byExternal = new HashMap<>();

    StoreResources(DatasetGraph dsg, Node target) {
        this.dsg = dsg;
        this.target = target;
        for (Node property : new Node[] {SCHEMA_SAME_AS, OWL.sameAs.asNode()}) {
            var it = dsg.find(Node.ANY, Node.ANY, property, Node.ANY);
            try {
                while (it.hasNext()) {
                    Quad q = it.next();
                    if (q.getGraph().equals(target) || !q.getSubject().isURI() || !q.getObject().isURI()
                            || !q.getSubject().getURI().startsWith(Iris.ID_BASE))
                        continue;
                    normalised(q.getObject().getURI()).ifPresent(external -> byExternal.putIfAbsent(external, q.getSubject().getURI()));
                }
            } finally {
                Iter.close(it);
            }
        }
    }

    /** IMDb pages are written with and without {@code www.} and the final slash; Wikidata as entity IRIs. */
    private static Optional<String> normalised(String iri) {
        Optional<String> imdb = ExternalIds.imdbIdOf(iri).map(ExternalIds::imdbUrl);
        return imdb.isPresent() ? imdb : ExternalIds.wikidataIdOf(iri).map(ExternalIds::wikidataIri);
    }

    @Override
    public Optional<String> byExternalIri(String externalIri) {
        return normalised(externalIri).map(byExternal::get);
    }

    @Override
    public Holder holder(String resourceIri, String externalIri) {
        Node resource = NodeFactory.createURI(resourceIri);
        boolean described = false;
        var it = dsg.find(Node.ANY, resource, Node.ANY, Node.ANY);
        try {
            while (it.hasNext()) {
                Quad q = it.next();
                if (q.getGraph().equals(target) || q.getGraph().equals(Iris.META_GRAPH))
                    continue;
                described = true;
                if (q.getObject().isURI() && (q.getPredicate().equals(SCHEMA_SAME_AS) || q.getPredicate().equals(OWL.sameAs.asNode()))) {
                    Optional<String> theirs = normalised(q.getObject().getURI());
                    // An id of the same dataset (both IMDb pages of one kind, or both Wikidata) that differs: another thing.
                    if (theirs.isPresent() && sameDataset(theirs.get(), externalIri) && !theirs.get().equals(normalised(externalIri).orElse(externalIri)))
                        return Holder.OTHER;
                }
            }
        } finally {
            Iter.close(it);
        }
        return described ? Holder.UNIDENTIFIED : Holder.NONE;
    }

    private static boolean sameDataset(String a, String b) {
        for (String prefix : new String[] {ExternalIds.IMDB_TITLE, ExternalIds.IMDB_NAME, ExternalIds.WIKIDATA_ENTITY})
            if (a.startsWith(prefix) && b.startsWith(prefix))
                return true;
        return false;
    }

    @Override
    public boolean hasReleaseDate(String resourceIri) {
        Node resource = NodeFactory.createURI(resourceIri);
        return dsg.stream(Node.ANY, resource, RG.releaseDate, Node.ANY).anyMatch(q -> !q.getGraph().equals(target));
    }
}
