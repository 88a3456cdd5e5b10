package org.reelgraph.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The extraction rules and cue lists of a rules file ({@code extract/rules.txt} describes the
 * format). Immutable once read.
 */
public final class Rules {
    static final String DEFAULT_RESOURCE = "extract/rules.txt";
    static final Set<String> RELATIONS = Set.of("directedBy", "starring", "reviewedBy", "creditedTo", "partOfFranchise",
            "spinOffOf", "setAfter", "setBefore", "setBetween");
    static final Set<String> SLOTS = Set.of("PERSON", "PERSON1", "PERSONS", "CHARACTER", "CHARACTERS", "FILM", "FILMS", "FRANCHISE", "SELF",
            "ORG", "VIA", "APPOS", "HIMHER");
    static final Set<String> CUE_LISTS = Set.of("hedge", "collectives", "compare", "future", "otherwork", "stopnames", "particles", "connectors",
            "valedictions", "ordinals", "filmnouns", "irregular", "absent", "seen", "bygone", "othercredit", "creditverbs", "otherfilmref");

    /** One element of a pattern. */
    public sealed interface Element permits Literal, Lemma, Pos, Repeat, Possessive, LineStart, LineEnd, Slot, NotAfter {}

    public record Literal(Set<String> words, boolean optional) implements Element {}

    public record Lemma(Set<String> lemmas) implements Element {}

    public record Pos(String tag) implements Element {}

    /** {@code <kind:min-max>} with kind {@code lower}, {@code any} or a POS tag. */
    public record Repeat(String kind, int min, int max) implements Element {}

    public record Possessive() implements Element {}

    public record LineStart() implements Element {}

    public record LineEnd() implements Element {}

    public record Slot(String name) implements Element {}

    /** {@code !deputy|assistant}: the token before this point is none of these ("CIA deputy director X" is not the film's). */
    public record NotAfter(Set<String> words) implements Element {}

    public record Rule(String relation, double confidence, List<Element> pattern, String source, int line) {}

    private final List<Rule> rules;
    private final Map<String, List<List<String>>> cues;
    private final Map<String, String> irregular;

    private Rules(List<Rule> rules, Map<String, List<List<String>>> cues) {
        this.rules = List.copyOf(rules);
        this.cues = cues;
        Map<String, String> irr = new HashMap<>();
        for (List<String> p : cues.getOrDefault("irregular", List.of()))
            for (String form : p) {
                int eq = form.indexOf('=');
                if (eq > 0)
                    irr.put(form.substring(0, eq), form.substring(eq + 1));
            }
        this.irregular = Map.copyOf(irr);
    }

    /** Irregular verb forms and their lemmas ({@code has=have}), which the lemmatizer is not asked about. */
    Map<String, String> irregular() {
        return irregular;
    }

    public static Rules defaults() {
        InputStream in = Rules.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null)
            throw new IllegalStateException(DEFAULT_RESOURCE + " is not on the classpath");
        return read(in, DEFAULT_RESOURCE);
    }

    /** Reads a rules file; a malformed line fails with {@code name:line: message}. */
    public static Rules read(InputStream in, String name) {
        List<Rule> rules = new ArrayList<>();
        Map<String, List<List<String>>> cues = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#"))
                    continue;
                int colon = s.indexOf(':');
                String head = colon > 0 ? s.substring(0, colon) : "";
                if (colon > 0 && CUE_LISTS.contains(head)) {
                    List<List<String>> list = cues.computeIfAbsent(head, k -> new ArrayList<>());
                    for (String phrase : s.substring(colon + 1).split(","))
                        if (!phrase.isBlank())
                            list.add(splitNegations(Token.normalise(phrase.strip()).split("\\s+")));
                    continue;
                }
                String[] cols = s.split("\\s{2,}|\\t+", 3);
                if (cols.length != 3)
                    throw new IllegalArgumentException(name + ":" + no + ": expected 'RELATION  CONFIDENCE  PATTERN' (two spaces between columns) or 'list: a, b', got: " + s);
                if (!RELATIONS.contains(cols[0]))
                    throw new IllegalArgumentException(name + ":" + no + ": unknown relation '" + cols[0] + "'; use one of " + RELATIONS);
                double conf;
                try {
                    conf = Double.parseDouble(cols[1]);
                } catch (NumberFormatException e) {
                    conf = -1;
                }
                if (conf < 0 || conf > 1)
                    throw new IllegalArgumentException(name + ":" + no + ": confidence must be a number in [0, 1], not '" + cols[1] + "'");
                rules.add(new Rule(cols[0], conf, parsePattern(cols[2], name, no), cols[2], no));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
        for (String list : CUE_LISTS)
            cues.putIfAbsent(list, List.of());
        return new Rules(rules, Map.copyOf(cues));
    }

    /** A phrase's words as the text's tokens are: "won't find" is "wo" "n't" "find" (see {@link Token#negationAt}). */
    private static List<String> splitNegations(String[] words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            int at = Token.negationAt(w);
            if (at > 0) {
                out.add(w.substring(0, at));
                out.add(w.substring(at));
            } else {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    private static List<Element> parsePattern(String pattern, String name, int no) {
        List<Element> out = new ArrayList<>();
        for (String e : pattern.strip().split("\\s+")) {
            String where = name + ":" + no + ": ";
            boolean plain = e.matches("[\\p{L}'\u2019-]+");
            if (plain && Token.negationAt(e) > 0) { // "doesn't" is matched as the text's "does" "n't"
                for (String w : splitNegations(new String[] {e}))
                    out.add(new Literal(Set.of(Token.normalise(w)), false));
                continue;
            }
            if (!plain && java.util.Arrays.stream(e.split("[|\\[\\]!~]")).anyMatch(w -> Token.negationAt(w) > 0))
                throw new IllegalArgumentException(where + "a contraction is two tokens (\"does n't\"), so it cannot be inside [ ], ! or a|b: " + e);
            if (e.equals("^"))
                out.add(new LineStart());
            else if (e.equals("$"))
                out.add(new LineEnd());
            else if (e.equals("'s") || e.equals("\u2019s"))
                out.add(new Possessive());
            else if (e.startsWith("{") && e.endsWith("}")) {
                String slot = e.substring(1, e.length() - 1);
                if (!SLOTS.contains(slot))
                    throw new IllegalArgumentException(where + "unknown slot " + e + "; use one of " + SLOTS);
                out.add(new Slot(slot));
            } else if (e.startsWith("<") && e.endsWith(">")) {
                var m = java.util.regex.Pattern.compile("<(\\w+):(\\d+)-(\\d+)>").matcher(e);
                if (!m.matches())
                    throw new IllegalArgumentException(where + "write a repeat as <lower:0-3>, <any:0-6> or <ADV:0-2>, not " + e);
                out.add(new Repeat(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            } else if (e.startsWith("[") && e.endsWith("]")) {
                out.add(new Literal(words(e.substring(1, e.length() - 1)), true));
            } else if (e.startsWith("!") && e.length() > 1) {
                out.add(new NotAfter(words(e.substring(1))));
            } else if (e.startsWith("~") && e.length() > 1) {
                out.add(new Lemma(words(e.substring(1))));
            } else if (e.startsWith("@") && e.length() > 1) {
                out.add(new Pos(e.substring(1)));
            } else {
                out.add(new Literal(words(e), false));
            }
        }
        if (out.stream().noneMatch(el -> el instanceof Slot) && out.isEmpty())
            throw new IllegalArgumentException(name + ":" + no + ": empty pattern");
        return List.copyOf(out);
    }

    private static Set<String> words(String alternatives) {
        Set<String> set = new LinkedHashSet<>();
        for (String w : alternatives.split("\\|"))
            if (!w.isEmpty())
                set.add(Token.normalise(w));
        return Set.copyOf(set);
    }

    /**
     * The stems of the lemmas the rules ask for ("direct", "giv" for give): only tokens starting with
     * one need the lemmatizer. Irregular forms that do not start with the stem (gave, got) are missed.
     */
    Set<String> lemmaStems() {
        Set<String> out = new java.util.HashSet<>();
        for (Rule r : rules)
            for (Element e : r.pattern())
                if (e instanceof Lemma l)
                    for (String w : l.lemmas())
                        out.add(w.length() > 3 && w.endsWith("e") ? w.substring(0, w.length() - 1) : w);
        return Set.copyOf(out);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The phrases of a cue list, each as normalised words. */
    List<List<String>> cues(String list) {
        return cues.getOrDefault(list, List.of());
    }

    /** The one-word entries of a cue list. */
    Set<String> cueWords(String list) {
        Set<String> set = new java.util.HashSet<>();
        for (List<String> p : cues(list))
            if (p.size() == 1)
                set.add(p.get(0));
        return set;
    }
}
