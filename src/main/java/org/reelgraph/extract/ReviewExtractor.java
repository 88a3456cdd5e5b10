package org.reelgraph.extract;

import java.util.List;

/**
 * Review text → statements about the reviewed film (DESIGN.md sections 3 and 5, issue 5): OpenNLP
 * sentences, tokens, parts of speech and lemmas, the patterns of a {@link Rules} file, and the
 * names of the graph ({@link Gazetteer}). Offline; one instance is safe to share between threads
 * (models are loaded once, the OpenNLP taggers are per thread).
 */
public final class ReviewExtractor {
    /** Written into provenance so that a graph says which extractor made it. */
    public static final String VERSION = "reelgraph-extract/1.0";
    /** Longer texts are refused: a review is a few thousand characters, not a book. */
    public static final int MAX_CHARS = 1_000_000;

    private static volatile ReviewExtractor defaults;

    private final TextAnalyzer analyzer;
    private final Rules rules;
    private final java.util.Set<String> lemmaPrefixes;

    private ReviewExtractor(TextAnalyzer analyzer, Rules rules) {
        this.analyzer = analyzer;
        this.rules = rules;
        this.lemmaPrefixes = rules.lemmaStems();
    }

    /** The rules of {@code extract/rules.txt} and the OpenNLP models, loaded once per JVM. */
    public static ReviewExtractor withDefaultRules() {
        ReviewExtractor x = defaults;
        if (x == null) {
            synchronized (ReviewExtractor.class) {
                x = defaults;
                if (x == null)
                    defaults = x = new ReviewExtractor(new TextAnalyzer(), Rules.defaults());
            }
        }
        return x;
    }

    /** Other rules (a person's extended rules file) with the same models. */
    public static ReviewExtractor withRules(Rules rules) {
        return new ReviewExtractor(withDefaultRules().analyzer, rules);
    }

    public Rules rules() {
        return rules;
    }

    /**
     * The statements of {@code text}.
     *
     * @throws ExtractionException when the text is empty, binary, not decoded UTF-8, too long, or
     *                             names no film that can be recognised
     */
    public Extraction extract(String text, Gazetteer gazetteer) {
        check(text);
        return new ExtractionRun(text, analyzer.analyse(text, lemmaPrefixes), rules, gazetteer == null ? Gazetteer.empty() : gazetteer).run();
    }

    /** How each title the text names scored as the reviewed film, best first: why {@link #extract} chose its film. */
    public List<FilmScore> filmScores(String text, Gazetteer gazetteer) {
        check(text);
        return new ExtractionRun(text, analyzer.analyse(text, lemmaPrefixes), rules, gazetteer == null ? Gazetteer.empty() : gazetteer).filmScores();
    }

    static void check(String text) {
        if (text == null || text.isBlank())
            throw new ExtractionException("the review text is empty: give the text of a film review (UTF-8 plain text)");
        if (text.length() > MAX_CHARS)
            throw new ExtractionException("the text has " + text.length() + " characters; a review may have at most "
                    + MAX_CHARS + ": check that this is one review, or split it");
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000')
                throw new ExtractionException("the text contains a NUL character at offset " + i
                        + ": this looks like a binary file, not a review; give a UTF-8 plain-text review");
            if (c == '\uFFFD')
                throw new ExtractionException("the text contains U+FFFD (a replacement character) at offset " + i
                        + ": the file was probably not valid UTF-8; save it as UTF-8 and try again");
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')
                controls++;
        }
        if (controls > 0)
            throw new ExtractionException("the text contains " + controls
                    + " control characters: this looks like a binary file, not a review; give a UTF-8 plain-text review");
    }
}
