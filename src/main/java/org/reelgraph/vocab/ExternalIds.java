package org.reelgraph.vocab;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identifiers of the published datasets reelgraph imports, as the IRIs that link to them:
 * IMDb title and name pages ({@code schema:sameAs}, as the curated data writes them) and Wikidata
 * entities ({@code owl:sameAs}).
 */
public final class ExternalIds {
    public static final String IMDB_TITLE = "https://www.imdb.com/title/";
    public static final String IMDB_NAME = "https://www.imdb.com/name/";
    public static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";

    private static final Pattern IMDB_URL = Pattern.compile("https?://(?:www\\.|m\\.)?imdb\\.com/(?:title|name)/((?:tt|nm)\\d+)/?");
    private static final Pattern IMDB_ID = Pattern.compile("(tt|nm)(\\d{7,})");
    private static final Pattern WIKIDATA_ID = Pattern.compile("Q[1-9]\\d*");

    private ExternalIds() {}

    /** {@code tt2911666} → {@code https://www.imdb.com/title/tt2911666/}; {@code nm…} → a name page. */
    public static String imdbUrl(String imdbId) {
        return (imdbId.startsWith("tt") ? IMDB_TITLE : IMDB_NAME) + imdbId + "/";
    }

    /** The IMDb id of an IMDb title or name page IRI (with or without {@code www.} and the final slash). */
    public static Optional<String> imdbIdOf(String iri) {
        Matcher m = IMDB_URL.matcher(iri);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code tt0133093} and {@code nm0000206}: two letters and at least seven digits, as IMDb writes them. */
    public static boolean isImdbId(String id) {
        return IMDB_ID.matcher(id).matches();
    }

    public static String wikidataIri(String qid) {
        return WIKIDATA_ENTITY + qid;
    }

    public static Optional<String> wikidataIdOf(String iri) {
        if (!iri.startsWith(WIKIDATA_ENTITY))
            return Optional.empty();
        String id = iri.substring(WIKIDATA_ENTITY.length());
        return WIKIDATA_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    public static boolean isWikidataId(String id) {
        return WIKIDATA_ID.matcher(id).matches();
    }
}
