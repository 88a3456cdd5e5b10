package org.reelgraph.catalog;

import java.time.LocalDate;
import java.util.List;

/** Everything the film API tells about one film. */
public record FilmDetail(String id, String slug, String title, LocalDate released,
                         List<Ref> franchises, List<Ref> directors, List<CastMember> cast,
                         List<Ref> spinOffOf, Placement placement, List<ReviewRef> reviews, List<String> sameAs) {

    /** An actor with the characters they play in this film. */
    public record CastMember(String id, String slug, String name, List<Ref> characters) {}

    /** Stated story placement: the films this one is set after and before. */
    public record Placement(List<FilmRef> setAfter, List<FilmRef> setBefore) {}

    /** A review of the film and the named graph it was loaded into. */
    public record ReviewRef(String id, String slug, String label, List<Ref> reviewedBy, String graph) {}
}
