package org.reelgraph.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Slugs;

/**
 * Scores extractions against gold answers: per-relation and overall (micro-averaged) precision,
 * recall and F1, and trap violations. A statement matches a gold fact when the predicate is the
 * same, the object is the same name (compared by slug, so case and punctuation do not matter; the
 * object's IRI slug counts too, with or without a film's year), and, when the gold fact gives one,
 * the character (or {@code via}) is the same — a character also matches when the words of one
 * name are all in the other ("Eve" and "Eve Macarro"). The reviewed film counts as relation
 * {@code film} (same title by slug and same year).
 */
public final class EvalScore {
    public static final List<String> RELATIONS = List.of("film", "partOfFranchise", "spinOffOf", "setAfter", "setBefore",
            "directedBy", "starring", "reviewedBy", "creditedTo");

    /** True positives, false positives, false negatives. */
    public record Counts(int tp, int fp, int fn) {
        public double precision() {
            return tp + fp == 0 ? (fn == 0 ? 1 : 0) : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
        }
    }

    private final Map<String, Counts> perRelation = new LinkedHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> misses = new ArrayList<>();
    private final List<String> extras = new ArrayList<>();
    private int reviews;

    public EvalScore() {
        for (String r : RELATIONS)
            perRelation.put(r, new Counts(0, 0, 0));
    }

    /** Adds one review's result; {@code name} labels the details. */
    public void add(String name, GoldReview gold, Extraction x) {
        reviews++;
        boolean filmOk = x != null && sameName(gold.title(), x.film().title(), x.film().id())
                && (gold.year() == null || gold.year().equals(x.film().year()));
        count("film", filmOk ? new Counts(1, 0, 0) : new Counts(0, x == null ? 0 : 1, 1));
        if (!filmOk)
            misses.add(name + ": film " + gold.title() + " (" + gold.year() + ")" + (x == null ? "" : ", got " + x.film().title() + " (" + x.film().year() + ")"));
        List<Statement> statements = x == null ? List.of() : x.statements();
        Set<Statement> used = new HashSet<>();
        for (GoldReview.Fact g : gold.facts()) {
            Statement hit = null;
            for (Statement s : statements)
                if (!used.contains(s) && matches(g, s)) {
                    hit = s;
                    break;
                }
            if (hit != null) {
                used.add(hit);
                count(g.predicate(), new Counts(1, 0, 0));
            } else {
                count(g.predicate(), new Counts(0, 0, 1));
                misses.add(name + ": missed " + describe(g));
            }
        }
        for (Statement s : statements) {
            if (used.contains(s))
                continue;
            count(s.predicate(), new Counts(0, 1, 0));
            extras.add(name + ": extra " + s.predicate() + " " + s.object() + (s.character() != null ? " as " + s.character() : "")
                    + " \"" + s.evidence().text() + "\"");
        }
        for (GoldReview.Fact t : gold.traps())
            for (Statement s : statements)
                if (s.predicate().equals(t.predicate()) && sameName(t.object(), s.object(), s.objectId()))
                    violations.add(name + ": trap " + t.predicate() + " " + t.object() + " from \"" + s.evidence().text() + "\"");
    }

    private void count(String relation, Counts c) {
        perRelation.merge(relation, c, Counts::plus);
    }

    static boolean matches(GoldReview.Fact g, Statement s) {
        if (!g.predicate().equals(s.predicate()) || !sameName(g.object(), s.object(), s.objectId()))
            return false;
        if (g.character() != null && (s.character() == null || !sameCharacter(g.character(), s.character())))
            return false;
        return g.via() == null || s.via() != null && sameName(g.via(), s.via(), s.viaId());
    }

    static boolean sameName(String gold, String name, String iri) {
        String g = slug(gold);
        if (g.isEmpty())
            return false;
        if (g.equals(slug(name)))
            return true;
        if (iri == null)
            return false;
        String s = Iris.slugOrIri(iri);
        return g.equals(s) || g.equals(s.replaceFirst("-\\d{4}$", ""));
    }

    static boolean sameCharacter(String a, String b) {
        Set<String> x = new HashSet<>(Arrays.asList(slug(a).split("-")));
        Set<String> y = new HashSet<>(Arrays.asList(slug(b).split("-")));
        x.remove("the");
        y.remove("the");
        return !x.isEmpty() && !y.isEmpty() && (x.containsAll(y) || y.containsAll(x));
    }

    private static String slug(String s) {
        if (s == null)
            return "";
        try {
            return Slugs.of(s.replace("&", " and "));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String describe(GoldReview.Fact g) {
        return g.predicate() + " " + g.object() + (g.character() != null ? " as " + g.character() : "") + (g.via() != null ? " via " + g.via() : "");
    }

    public Map<String, Counts> perRelation() {
        return Map.copyOf(perRelation);
    }

    public Counts total() {
        Counts t = new Counts(0, 0, 0);
        for (Counts c : perRelation.values())
            t = t.plus(c);
        return t;
    }

    public int trapViolations() {
        return violations.size();
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public List<String> misses() {
        return List.copyOf(misses);
    }

    public List<String> extras() {
        return List.copyOf(extras);
    }

    public int reviews() {
        return reviews;
    }

    /** The table and the summary line {@code extraction F1=0.xx P=0.xx R=0.xx traps=N} last. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-16s %5s %5s %5s %4s %4s %4s", "relation", "P", "R", "F1", "tp", "fp", "fn"));
        perRelation.forEach((r, c) -> lines.add(String.format(Locale.ROOT, "%-16s %5.2f %5.2f %5.2f %4d %4d %4d", r,
                c.precision(), c.recall(), c.f1(), c.tp(), c.fp(), c.fn())));
        lines.add("trap violations: " + violations.size());
        for (String v : violations)
            lines.add("  " + v);
        lines.add(summary());
        return lines;
    }

    public String summary() {
        Counts t = total();
        return String.format(Locale.ROOT, "extraction F1=%.2f P=%.2f R=%.2f traps=%d", t.f1(), t.precision(), t.recall(), violations.size());
    }
}
