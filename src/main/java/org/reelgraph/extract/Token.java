package org.reelgraph.extract;

import java.util.Locale;

/**
 * A token of the review with its offsets, OpenNLP part of speech (Universal Dependencies tags) and
 * lemma. {@code norm} is lower case with typographic apostrophes and dashes made plain.
 */
record Token(String text, int start, int end, String pos, String lemma, int sentence, int line, String norm) {
    Token(String text, int start, int end, String pos, String lemma, int sentence, int line) {
        this(text, start, end, pos, lemma, sentence, line, normalise(text));
    }

    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'').replace('\u2013', '-').replace('\u2014', '-');
    }

    /**
     * Where a negation starts inside a word that OpenNLP's tokenizer keeps whole ("doesn't" at 4, "won’t" at 2,
     * "cannot" at 3), or -1. Split there, a contraction is the same tokens as the UD treebank's ("does" "n't",
     * "wo" "n't", "can" "not"), so a cue or rule written with "n't" or "not" matches every form.
     */
    static int negationAt(String word) {
        int n = word.length();
        String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (n > 3 && w.endsWith("n't") && Character.isLetter(w.charAt(n - 4)))
            return n - 3;
        return w.equals("cannot") ? 3 : -1;
    }

    boolean capitalised() {
        if (text.isEmpty())
            return false;
        char c = text.charAt(0);
        return Character.isUpperCase(c) || Character.isTitleCase(c);
    }

    boolean lower() {
        return !text.isEmpty() && Character.isLowerCase(text.charAt(0));
    }

    boolean word() {
        return !text.isEmpty() && Character.isLetterOrDigit(text.charAt(0));
    }

    boolean possessive() {
        String n = norm();
        return n.equals("'s") || n.equals("'");
    }

    boolean year() {
        if (text.length() != 4)
            return false;
        for (int i = 0; i < 4; i++)
            if (!Character.isDigit(text.charAt(i)))
                return false;
        int y = Integer.parseInt(text);
        return y >= 1880 && y <= 2100;
    }
}
