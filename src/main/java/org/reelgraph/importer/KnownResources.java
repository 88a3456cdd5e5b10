package org.reelgraph.importer;

import java.util.Optional;

/**
 * What the store already knows, for joining imported records onto existing resources (one
 * identity): resources by the IRIs of their external ids ({@code schema:sameAs} IMDb pages,
 * {@code owl:sameAs} Wikidata entities), and who holds a slug IRI. The graph being replaced is
 * not part of it, so a re-import resolves exactly like the first import.
 */
public interface KnownResources {

    /** Who holds a resource IRI an imported record would get. */
    enum Holder {
        /** No other source describes it. */
        NONE,
        /** Another source describes it without an id of this dataset: taken as the same thing (same kind, same name). */
        UNIDENTIFIED,
        /** Another source describes it with a different id of this dataset: a different thing, so the import adds a suffix. */
        OTHER
    }

    /** The resource that states {@code sameAs externalIri} in another graph. */
    Optional<String> byExternalIri(String externalIri);

    /** Who holds {@code resourceIri}; {@code externalIri} is the record's own id, as its IRI. */
    Holder holder(String resourceIri, String externalIri);

    /** Whether another graph already gives {@code resourceIri} an {@code rg:releaseDate} (a film has one). */
    boolean hasReleaseDate(String resourceIri);

    /** An empty store: nothing to join, every slug free. */
    static KnownResources none() {
        return new KnownResources() {
            @Override
            public Optional<String> byExternalIri(String externalIri) {
                return Optional.empty();
            }

            @Override
            public Holder holder(String resourceIri, String externalIri) {
                return Holder.NONE;
            }

            @Override
            public boolean hasReleaseDate(String resourceIri) {
                return false;
            }
        };
    }
}
