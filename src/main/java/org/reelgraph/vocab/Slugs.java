package org.reelgraph.vocab;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Slugs are lower-case ASCII words joined by {@code -} (DESIGN.md section 2);
 * films end with their release year ({@code john-wick-chapter-4-2023}).
 */
public final class Slugs {
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private Slugs() {}

    public static boolean isValid(String slug) {
        return slug != null && VALID.matcher(slug).matches();
    }

    public static String requireValid(String slug) {
        if (!isValid(slug))
            throw new IllegalArgumentException("not a slug (lower-case ASCII words joined by '-'): '" + slug + "'");
        return slug;
    }

    /** "John Wick: Chapter 3 – Parabellum" becomes {@code john-wick-chapter-3-parabellum}. */
    public static String of(String name) {
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        // Apostrophes join a word ("Reeves'", "O'Brien") rather than split it.
        ascii = ascii.replace("'", "").replace("\u2019", "");
        String slug = NON_WORD.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = slug.replaceAll("^-+|-+$", "");
        if (slug.isEmpty())
            throw new IllegalArgumentException("no letters or digits to make a slug from: '" + name + "'");
        return slug;
    }

    /** A film's slug: its title's slug followed by the release year. */
    public static String film(String title, int year) {
        return of(title) + "-" + year;
    }
}
