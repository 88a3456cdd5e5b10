package org.reelgraph.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** IRIs of the reelgraph ontology (ontology/reelgraph.ttl), in one place. */
public final class RG {
    public static final String NS = "https://w3id.org/reelgraph/ontology#";

    public static final Node Franchise = term("Franchise");
    public static final Node Film = term("Film");
    public static final Node Person = term("Person");
    public static final Node Character = term("Character");
    public static final Node Organization = term("Organization");
    public static final Node Review = term("Review");
    public static final Node Image = term("Image");
    public static final Node Performance = term("Performance");
    public static final Node Chronology = term("Chronology");
    public static final Node ShortFilm = term("ShortFilm");
    public static final Node Series = term("Series");
    public static final Node Season = term("Season");
    public static final Node season = term("season");
    public static final Node seasonNumber = term("seasonNumber");

    public static final Node partOfFranchise = term("partOfFranchise");
    public static final Node releaseDate = term("releaseDate");
    /** When only the year is known (IMDb's startYear, a Wikidata date of year precision). */
    public static final Node releaseYear = term("releaseYear");
    /** Release sequence (Wikidata P155/P156), never in-story order. */
    public static final Node follows = term("follows");
    public static final Node followedBy = term("followedBy");
    /** On a reifier of {@code rg:partOfFranchise} (Wikidata's P1545 qualifier on P179). */
    public static final Node seriesOrdinal = term("seriesOrdinal");
    public static final Node spinOffOf = term("spinOffOf");
    public static final Node setAfter = term("setAfter");
    public static final Node setBefore = term("setBefore");
    public static final Node starring = term("starring");
    public static final Node performance = term("performance");
    public static final Node directedBy = term("directedBy");
    public static final Node reviewOf = term("reviewOf");
    public static final Node reviewedBy = term("reviewedBy");
    public static final Node creditedTo = term("creditedTo");
    public static final Node featureImage = term("featureImage");
    public static final Node text = term("text");
    public static final Node actor = term("actor");
    public static final Node character = term("character");
    public static final Node via = term("via");
    public static final Node quote = term("quote");
    public static final Node start = term("start");
    public static final Node end = term("end");
    public static final Node confidence = term("confidence");
    public static final Node chronologyOf = term("chronologyOf");
    public static final Node order = term("order");
    public static final Node entry = term("entry");
    public static final Node position = term("position");
    public static final Node film = term("film");
    public static final Node placement = term("placement");
    public static final Node hasConflict = term("hasConflict");
    public static final Node sha256 = term("sha256");
    public static final Node extractorVersion = term("extractorVersion");

    private RG() {}

    private static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }
}
