package org.reelgraph.catalog;

import java.util.Optional;

import org.reelgraph.store.Store;
import org.reelgraph.store.VersionedAnswers;

/**
 * The catalog's JSON answers remembered per data version ({@link VersionedAnswers}): a repeated film,
 * franchise or franchise-list request reads the store's version instead of every pattern again (over a
 * remote store, one query instead of 8 to 44 here).
 */
public final class CachedCatalog {
    private static final int MAX_ENTRIES = 10_000;

    private record FranchiseRequest(String slug, PageRequest page) {}

    private final FilmCatalog catalog;
    private final VersionedAnswers<PageRequest, Page<FranchiseSummary>> franchises;
    private final VersionedAnswers<FranchiseRequest, Optional<FranchiseDetail>> franchise;
    private final VersionedAnswers<String, Optional<FilmDetail>> films;

    public CachedCatalog(Store store, FilmCatalog catalog) {
        this.catalog = catalog;
        this.franchises = new VersionedAnswers<>(store, MAX_ENTRIES);
        this.franchise = new VersionedAnswers<>(store, MAX_ENTRIES);
        this.films = new VersionedAnswers<>(store, MAX_ENTRIES);
    }

    public Page<FranchiseSummary> franchises(PageRequest request) {
        return franchises.get(request, () -> catalog.franchises(request));
    }

    public Optional<FranchiseDetail> franchise(String slug, PageRequest request) {
        return franchise.get(new FranchiseRequest(slug, request), () -> catalog.franchise(slug, request));
    }

    public Optional<FilmDetail> film(String slug) {
        return films.get(slug, () -> catalog.film(slug));
    }
}
