package org.reelgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names compared word by word: the runs of letters and digits, lower-cased; punctuation and
 * spacing between them do not matter, so "John Wick: Chapter 3 – Parabellum" and "John Wick
 * Chapter 3 Parabellum" are the same name, and "Ballerina" matches inside "Ballerina's".
 */
final class Words {
    private Words() {}

    /** A word of a text with its offsets. */
    record Word(String key, int start, int end) {}

    static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0, n = text.length();
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i)))
                i++;
            words.add(new Word(text.substring(s, i).toLowerCase(Locale.ROOT), s, i));
        }
        return words;
    }

    static List<String> keys(String name) {
        return of(name).stream().map(Word::key).toList();
    }

    static String key(String name) {
        return String.join(" ", keys(name));
    }
}
