package org.reelgraph.extract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.reelgraph.extract.Gazetteer.Entry;
import org.reelgraph.extract.Rules.Element;
import org.reelgraph.extract.Rules.Rule;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;
import org.reelgraph.vocab.Slugs;

/** One extraction: the state of reading one text. Not shared between threads. */
final class ExtractionRun {
    private static final Set<String> SENTENCE_ENDS = Set.of(".", "!", "?", ";", "(", ")");
    private static final Set<String> CLAUSE_ENDS = Set.of(",", ";", ":", "(", ")", "-", ".", "!", "?");
    private static final Set<String> TITLE_PUNCT = Set.of(":", "-", "&", "!");
    private static final Set<String> LEADING_NON_TITLE = Set.of("VERB", "ADV", "PRON", "SCONJ", "AUX", "CCONJ", "INTJ", "ADP");
    private static final java.util.regex.Pattern INITIAL = java.util.regex.Pattern.compile("\\p{Lu}\\.(\\p{Lu}\\.?)?|\\p{Lu}\\.\\p{Lu}\\.");
    private static final Set<String> QUOTES = Set.of("\"", "\u201c", "\u201d", "''", "``");
    private static final Set<String> CREDIT_WORDS = Set.of("credit", "credits", "courtesy", "image", "images", "photo", "photos", "picture", "via");
    private static final Set<String> NON_FACT = Set.of("reviewedBy", "creditedTo");

    private final String text;
    private final TextAnalyzer.Analysis analysis;
    private final List<Token> tok;
    private final Rules rules;
    private final Gazetteer gaz;
    private final List<Words.Word> words;
    private final Map<Integer, Gazetteer.Match> gazByStart = new HashMap<>();
    private final Map<Integer, Gazetteer.Match> gazByEnd = new HashMap<>();
    private final Map<Integer, Integer> tokenAtChar = new HashMap<>();

    private final boolean[] hedge, compare, future, otherParen, otherCredit;
    /** The names after a negated verb that is no credit verb: blocked, except a parenthesised "Character (Actor)" credit. */
    private final boolean[] objectHedge;
    private final Set<String> stopnames, particles, connectors, filmnouns, collectives;
    private final List<String> ordinals;

    /** Person names known to be full names: confirmed by a rule slot or the gazetteer. */
    private final List<Known> confirmed = new ArrayList<>();
    /** Capitalised proper-noun runs of two or more words: a weaker fallback for surnames. */
    private final List<Known> propn = new ArrayList<>();
    private boolean resolving;
    /** Names the first pass saw in a character slot ("Adrian Toomes"): a surname of one is not an actor. */
    private final Set<String> characterKeys = new HashSet<>();
    private final Set<String> confirmedKeys = new HashSet<>();

    /** People the text also names inside a comparison, rumour or other work: weak rules do not make facts about them. */
    private final Set<String> tainted = new HashSet<>();
    /** Below this confidence a rule is weak ("X's film", "X appears"). */
    private static final double WEAK = 0.85;

    private FilmMention film;
    private String subjectDisplay;
    private final Map<Integer, Integer> selfAt = new HashMap<>();
    private int[] titleSpan;

    private record Known(String display, List<String> words, int start) {}

    /** A person name resolved: display name, IRI, whether the graph knew it, and whether a surname was expanded. */
    record Person(String name, String iri, boolean known, boolean expanded) {}

    private record Cap(String slot, int from, int to, Object value) {}

    private record Item(Person person, String character) {}

    private record Raw(String relation, double confidence, int from, int to, List<Cap> caps, boolean possessive) {
        Raw(String relation, double confidence, int from, int to, List<Cap> caps) {
            this(relation, confidence, from, to, caps, false);
        }
    }

    ExtractionRun(String text, TextAnalyzer.Analysis analysis, Rules rules, Gazetteer gaz) {
        this.text = text;
        this.analysis = analysis;
        this.tok = analysis.tokens();
        this.rules = rules;
        this.gaz = gaz;
        this.words = Words.of(text);
        for (int i = 0; i < tok.size(); i++)
            tokenAtChar.put(tok.get(i).start(), i);
        for (Gazetteer.Match m : gaz.find(text)) {
            gazByStart.put(m.start(), m);
            gazByEnd.put(m.end(), m);
        }
        int n = tok.size();
        hedge = new boolean[n];
        compare = new boolean[n];
        future = new boolean[n];
        otherParen = new boolean[n];
        otherCredit = new boolean[n];
        objectHedge = new boolean[n];
        stopnames = rules.cueWords("stopnames");
        particles = rules.cueWords("particles");
        connectors = rules.cueWords("connectors");
        filmnouns = rules.cueWords("filmnouns");
        collectives = rules.cueWords("collectives");
        ordinals = rules.cues("ordinals").stream().map(p -> p.get(0)).toList();
    }

    Extraction run() {
        filmScores();
        collectNames();
        List<Raw> raws = applyRules();
        raws.addAll(valedictions());
        raws.addAll(nameLines());
        return build(raws);
    }

    // ------------------------------------------------------------------------------------------
    // Scopes: hedges, comparisons, future films, parenthesised other works

    private void markScopes() {
        for (Sentence s : analysis.sentences()) {
            for (int i = s.from(); i < s.to(); i++) {
                if (cueAt("hedge", i, s) > 0 && !(i + 1 < s.to() && Set.of("just", "only", "merely", "simply").contains(tok.get(i + 1).norm())))
                    if (Set.of("neither", "nor").contains(tok.get(i).norm())) {
                        fill(hedge, i, correlativeEnd(i, s));
                    } else if (negationInRelative(i, s)) {
                        fill(hedge, i, clauseEnd(i, s));
                    } else if (negatedOtherVerb(i, s)) {
                        fill(hedge, i, nextName(i, s));
                        fill(objectHedge, nextName(i, s), clauseGroupEnd(i, s));
                    } else {
                        fill(hedge, i, clauseGroupEnd(i, s)); // "not just felt in this sequel" negates nothing
                    }
                if (cueAt("future", i, s) > 0)
                    fill(future, i, clauseGroupEnd(i, s));
                if (cueAt("absent", i, s) > 0) {
                    // "Natalie Portman's Jane Foster is absent": the whole clause, before the cue too.
                    int a = i, b = i;
                    while (a > s.from() && !CLAUSE_ENDS.contains(tok.get(a - 1).norm()))
                        a--;
                    a = subjectBeforeAside(a, i, s);
                    while (b < s.to() && !CLAUSE_ENDS.contains(tok.get(b).norm()))
                        b++;
                    fill(hedge, a, b);
                }
                int c = cueAt("compare", i, s);
                if (c > 0) {
                    int j = i + c;
                    while (j < s.to() && !CLAUSE_ENDS.contains(tok.get(j).norm()))
                        j++;
                    fill(compare, i, j);
                }
                if (tok.get(i).text().equals("(")) {
                    int j = i + 1;
                    boolean year = false;
                    while (j < s.to() && !tok.get(j).text().equals(")")) {
                        year |= tok.get(j).year() || tok.get(j).text().matches("\\d{4}-\\d{2,4}");
                        j++;
                    }
                    // "(2003’s Underworld)", "(2010-2022)": another work; a bare "(2014)" only dates the title before it.
                    boolean bareYear = j == i + 2 && tok.get(i + 1).year();
                    if (year && !bareYear)
                        fill(otherParen, i, Math.min(j + 1, s.to()));
                }
            }
        }
    }

    /**
     * "the 1984 original, which starred X as Y and Z as W", "Title (1979), which was directed by X": an {@code othercredit}
     * cue whose antecedent is another film (another year, an earlier-film noun, another title) credits that film up to
     * the end of its clause group. Needs the reviewed film, so it runs after the film choice.
     */
    private void markOtherCredits() {
        for (Sentence s : analysis.sentences())
            for (int i = s.from() + 1; i < s.to(); i++)
                if (cueAt("othercredit", i, s) > 0 && (otherFilmBefore(i, s) || earlierFilmNounBefore(i, s))
                        || tok.get(i).norm().equals("with") && tok.get(i - 1).norm().equals(",") && otherYearParenBefore(i, s)
                        && !relativeAside(i, s)) // "directed by X, who made Trolls (2016), with Y as co-director"
                    fill(otherCredit, i, clauseGroupEnd(i, s)); // "David Lynch's Dune (1984), with X as Y": that film's cast
        // "You know how much I hated Title (2014). That one was directed by X": a sentence that opens on an anaphor for
        // a film (rules.txt otherfilmref) right after one naming another film credits that film.
        List<Sentence> all = analysis.sentences();
        for (int k = 1; k < all.size(); k++) {
            Sentence s = all.get(k);
            if (cueAt("otherfilmref", s.from(), s) > 0 && namesOtherFilm(all.get(k - 1)))
                fill(otherCredit, s.from(), clauseGroupEnd(s.from(), s));
        }
    }

    /** The clause before the comma at {@code i - 1} is a relative aside ("who made Trolls (2016)"), brackets included. */
    private boolean relativeAside(int i, Sentence s) {
        for (int k = i - 2; k >= s.from() && !Set.of(",", ";").contains(tok.get(k).norm()); k--)
            if (RELATIVES.contains(tok.get(k).norm()))
                return true;
        return false;
    }

    /** The sentence names a film that is not the reviewed one: another title, or a parenthesised year not the film's. */
    private boolean namesOtherFilm(Sentence s) {
        for (int i = s.from(); i <= s.to(); i++)
            if (i < s.to() && otherTitle[i] && !isSelf(i) || otherYearParenBefore(i, s))
                return true;
        return false;
    }

    /** "the original, which", "the first film, which", "the earlier one that": an earlier film of the series right before {@code i}. */
    private boolean earlierFilmNounBefore(int i, Sentence s) {
        int k = i - 1;
        if (k > s.from() && tok.get(k).norm().equals(","))
            k--;
        if (k > s.from() && (filmnouns.contains(tok.get(k).norm()) || tok.get(k).norm().equals("one")) && EARLIER.contains(tok.get(k - 1).norm()))
            k--;
        if (k <= s.from() || !EARLIER.contains(tok.get(k).norm()))
            return false;
        if (k - 1 > s.from() && tok.get(k - 1).year()) // "the 1984 original, which"
            k--;
        return ARTICLES.contains(tok.get(k - 1).norm());
    }

    /**
     * "X's Y, from the 2012 side-step directed by Z, is nowhere to be seen": a clause from {@code a} that starts with its
     * verb has its subject before a comma-bounded aside; the absent scope then takes the aside and the subject too.
     */
    private int subjectBeforeAside(int a, int cue, Sentence s) {
        if (a - 1 <= s.from() || !tok.get(a - 1).norm().equals(",") || a > cue || !Set.of("AUX", "VERB").contains(tok.get(a).pos()))
            return a;
        int aside = a - 1;
        while (aside > s.from() && !CLAUSE_ENDS.contains(tok.get(aside - 1).norm()))
            aside--;
        if (aside - 1 <= s.from() || !tok.get(aside - 1).norm().equals(",") || !tok.get(aside).lower())
            return a;
        int subject = aside - 1;
        while (subject > s.from() && !CLAUSE_ENDS.contains(tok.get(subject - 1).norm()))
            subject--;
        return subject;
    }

    /**
     * "for anyone who hasn't seen it: X is the sequel to Y", "those who have not seen it, ...": a negation right after
     * "who" (and an auxiliary) negates the relative clause only, up to its first punctuation.
     */
    private boolean negationInRelative(int i, Sentence s) {
        if (!NEGATIONS.contains(tok.get(i).norm()))
            return false;
        int k = i - 1;
        if (k > s.from() && RELATIVE_AUX.contains(tok.get(k).norm()))
            k--;
        return k >= s.from() && tok.get(k).norm().equals("who");
    }

    private static final Set<String> NEGATIONS = Set.of("not", "n't", "never");
    private static final Set<String> RELATIVE_AUX = Set.of("have", "has", "had", "do", "does", "did", "is", "are", "was", "were",
            "can", "ca", "could", "will", "wo", "would", "should");

    /**
     * "he still can't tell Mary Jane Watson (Kirsten Dunst) how he feels": a negation right before (adverbs and) a verb
     * that is no credit verb (rules.txt {@code creditverbs}: appear, star, return, direct, ...) negates what the
     * story's people do, not who is in the film: a parenthesised credit in the verb's object still counts
     * ({@code objectHedge}); any other name there stays blocked ("never lets X's Hans hang over it").
     */
    private boolean negatedOtherVerb(int i, Sentence s) {
        if (!NEGATIONS.contains(tok.get(i).norm()))
            return false;
        int k = i + 1;
        while (k < s.to() && tok.get(k).pos().equals("ADV") && tok.get(k).lower())
            k++;
        return k < s.to() && tok.get(k).pos().equals("VERB") && tok.get(k).lower() && cueAt("creditverbs", k, s) == 0;
    }

    /** The first capitalised token after {@code i} in its clause (or the clause's end). */
    private int nextName(int i, Sentence s) {
        int j = i + 1;
        while (j < s.to() && !tok.get(j).capitalised() && !CLAUSE_ENDS.contains(tok.get(j).norm()))
            j++;
        return j;
    }

    private int clauseEnd(int i, Sentence s) {
        int j = i + 1;
        while (j < s.to() && !CLAUSE_ENDS.contains(tok.get(j).norm()))
            j++;
        return j;
    }

    /**
     * "neither a sequel to A (2016) nor a reboot, it keeps ...": a "neither ... nor ..." phrase negates up to the first
     * comma, semicolon or colon after its "nor" (brackets inside it do not end it), not the clause it is an aside of.
     */
    private int correlativeEnd(int i, Sentence s) {
        int j = i;
        if (tok.get(i).norm().equals("neither"))
            while (j + 1 < s.to() && !tok.get(j).norm().equals("nor") && !Set.of(";", ":").contains(tok.get(j + 1).norm()))
                j++;
        j++;
        while (j < s.to() && !Set.of(",", ";", ":").contains(tok.get(j).norm()))
            j++;
        return j;
    }

    /** Words that start a new clause after a comma: "X didn't return, so Y is played by Z" negates nothing after "so". */
    private static final Set<String> CLAUSE_JOINS = Set.of("and", "but", "while", "though", "although", "yet", "who", "so", "except", "which");

    /** The end of the coordinated clause a hedge or future cue is in: a semicolon or colon, ", and/but/so/which ..." or the sentence end. */
    private int clauseGroupEnd(int i, Sentence s) {
        for (int j = i + 1; j < s.to(); j++) {
            String n = tok.get(j).norm();
            if (n.equals(";") || n.equals(":"))
                return j; // "not all of it has aged well: X's Y is rubbery" negates nothing after the colon
            if (n.equals(",") && j + 1 < s.to() && CLAUSE_JOINS.contains(tok.get(j + 1).norm()))
                return j;
        }
        return s.to();
    }

    /**
     * How far after an "Actor's Character" possessive a bygone cue is looked for: a semicolon or ", and|but|...";
     * a relative clause counts ("X's Y, which came out earlier this year"), and so does what follows a colon.
     */
    private int bygoneReachEnd(int i, Sentence s) {
        for (int j = i + 1; j < s.to(); j++) {
            String n = tok.get(j).norm();
            if (n.equals(";"))
                return j;
            if (n.equals(",") && j + 1 < s.to() && BYGONE_JOINS.contains(tok.get(j + 1).norm()))
                return j;
        }
        return s.to();
    }

    private static final Set<String> BYGONE_JOINS = Set.of("and", "but", "while", "though", "although", "yet", "who");

    private static void fill(boolean[] a, int from, int to) {
        for (int i = from; i < to; i++)
            a[i] = true;
    }

    /** Length in tokens of a phrase of cue list {@code list} starting at token {@code i}, or 0. */
    private int cueAt(String list, int i, Sentence s) {
        int best = 0;
        for (List<String> phrase : rules.cues(list)) {
            if (i + phrase.size() > s.to())
                continue;
            if (i > s.from() && tok.get(i).capitalised())
                continue; // "Will Turner" is a name, not the future
            boolean ok = true;
            for (int k = 0; k < phrase.size() && ok; k++)
                ok = wordMatches(phrase.get(k), tok.get(i + k).norm());
            if (ok)
                best = Math.max(best, phrase.size());
        }
        return best;
    }

    private static boolean wordMatches(String cue, String word) {
        return cue.endsWith("*") ? word.startsWith(cue.substring(0, cue.length() - 1)) : cue.equals(word);
    }

    private boolean blocked(int from, int to) {
        return blocked(from, to, false);
    }

    private boolean blocked(int from, int to, boolean parenthesisedCredit) {
        for (int i = from; i < to; i++)
            if (hedge[i] || compare[i] || future[i] || otherParen[i] || otherCredit[i] || objectHedge[i] && !parenthesisedCredit)
                return true;
        return false;
    }

    // ------------------------------------------------------------------------------------------
    // The reviewed film

    /**
     * A title the text may be about. {@code dated}: the text gives its year next to it;
     * {@code origin}: how it was found (dated, headline, sequel, seen, graph).
     */
    private record Candidate(String title, Integer year, int from, int to, Entry entry, String against, double againstPoints,
                             String origin) {
        boolean penalised() {
            return against != null;
        }

        boolean dated() {
            return origin.equals("dated");
        }

        Candidate with(Integer y, Entry e, String t) {
            return new Candidate(t, y, from, to, e, against, againstPoints, origin);
        }
    }

    private static final java.util.regex.Pattern ROMAN = java.util.regex.Pattern.compile("(?i)(ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)");
    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
    private static final Set<String> SEQUEL_PARTS = Set.of("part", "chapter", "volume", "vol.", "episode");
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    private static final Set<String> YEAR_NOUNS = Set.of("film", "movie", "sequel", "prequel", "reboot", "installment", "instalment",
            "entry", "chapter", "follow-up", "outing", "release", "picture");
    private static final Set<String> HEADLINE_TAIL = Set.of("review", "reviews", "revisited", "reviewed");

    /** Scores for every candidate title, best first (for tests and for explaining a choice). */
    List<FilmScore> filmScores() {
        if (filmScores == null) {
            markScopes();
            findFilm();
            markOtherCredits();
        }
        return filmScores;
    }

    private List<FilmScore> filmScores;
    /** Tokens of titles the text names other than the reviewed film's. */
    private boolean[] otherTitle;

    /** "... in|from (X's) Other Title" at token {@code j}: what came before belongs to another film. */
    private boolean otherFilmFollows(int j, Sentence s) {
        if (j + 1 >= s.to() || !Set.of("in", "from", "on", "of").contains(tok.get(j).norm()))
            return false;
        int k = j + 1;
        // "voiced by X in the first film", "as Y in the original": a part in an earlier film of the franchise
        if (!tok.get(j).norm().equals("of") && tok.get(k).norm().equals("the") && k + 1 < s.to()
                && EARLIER.contains(tok.get(k + 1).norm())
                && (k + 2 >= s.to() || !tok.get(k + 2).word() || filmnouns.contains(tok.get(k + 2).norm())
                    || tok.get(k + 2).norm().equals("one")))
            return true;
        int p = k;
        while (p < s.to() && p - k < 4 && tok.get(p).capitalised())
            p++;
        if (p > k && p < s.to() && tok.get(p).possessive())
            k = p + 1; // "in Tim Burton's Batman"
        return k < s.to() && otherTitle[k] && !isSelf(k);
    }

    /**
     * An "Actor's Character" possessive that may be a part in another film: a "bygone" cue within six tokens after it
     * ("Jack Nicholson's Joker, of course, is dead", "X's Batman is not even mentioned", "X's Y was ...") or another
     * title named in the same sentence.
     */
    private boolean bygone(Raw r) {
        Sentence s = analysis.sentences().get(tok.get(r.from()).sentence());
        int end = bygoneReachEnd(r.to() - 1, s), words = 0;
        boolean relative = false;
        for (int i = r.to(); i < end && words < BYGONE_WORDS; i++) {
            // "X's Y is pregnant, which she hasn't told him": a negation in a relative clause negates that clause only
            relative |= tok.get(i).norm().equals(",") && i + 1 < end && Set.of("which", "who", "that").contains(tok.get(i + 1).norm());
            if (relative && NEGATIONS.contains(tok.get(i).norm()))
                continue;
            if (cueAt("bygone", i, s) > 0 || cueAt("future", i, s) > 0)
                return true;
            if (tok.get(i).year() && film.year() != null && Integer.parseInt(tok.get(i).text()) != film.year())
                return true; // "X's Y, from the 2012 side-step": a part in the film of another year
            if (tok.get(i).word() && !tok.get(i).possessive())
                words++; // an aside (", the villain of the first film,") counts its words, not its commas
        }
        for (int i = s.from(); i < s.to(); i++)
            if (otherTitle[i] && !isSelf(i))
                return true;
        return false;
    }

    /**
     * "John Williams's Superman march": a lower-case noun right after the possessive's name makes the name a modifier of
     * that thing (a theme, a costume), not a part; such a possessive needs another casting shape, as a bygone one does.
     */
    private boolean commonNounAfter(Raw r) {
        int i = r.to();
        return i < tok.size() && tok.get(i).sentence() == tok.get(r.from()).sentence() && tok.get(i).lower() && tok.get(i).word()
                && tok.get(i).pos().equals("NOUN") && !tok.get(i).norm().endsWith("s"); // "Shatner's Kirk swears": a verb tagged as a plural noun
    }

    /** How many words after an "Actor's Character" possessive are searched for a bygone or future cue (up to the clause's end). */
    static final int BYGONE_WORDS = 8;

    private static final Set<String> EARLIER = Set.of("first", "original", "previous", "earlier", "last", "prior");

    /**
     * "the spin-off Annabelle (2014), directed by X": a "directed by" right after another film's title (and its year),
     * separated by a comma only, is that film's director.
     */
    private boolean otherFilmBefore(int i, Sentence s) {
        if (i < 0)
            return false;
        if (otherYearNounBefore(i, s) || otherYearParenBefore(i, s) || earlierFilmSubject(i, s))
            return true;
        int k = i - 1;
        if (k <= s.from() || !tok.get(k).norm().equals(","))
            return false;
        k--;
        if (k > s.from() + 1 && tok.get(k).text().equals(")") && tok.get(k - 1).year() && tok.get(k - 2).text().equals("("))
            k -= 3;
        return k >= s.from() && !isSelf(k) && (otherTitle[k] || knownTitleExtendedTo(k, s));
    }

    /**
     * A credit participle ("directed by", "starring") at {@code i} attaches to the noun phrase before it: right before
     * it ({@link #otherFilmBefore}) or, when a relative clause sits between, the noun that clause is about ("the 1932
     * version that launched the series, directed by X": the 1932 film's director).
     */
    private boolean otherFilmBeforeCredit(int i, Sentence s) {
        if (i < 0)
            return false;
        if (otherFilmBefore(i, s))
            return true;
        int rel = relativeClauseBefore(i, s);
        return rel >= 0 && otherFilmBefore(rel, s);
    }

    private static final Set<String> RELATIVES = Set.of("that", "which", "who", "whose");

    /** Where ", that|which ... ," ends right before {@code i} (a comma), the relative pronoun's token; -1 if none. */
    private int relativeClauseBefore(int i, Sentence s) {
        if (i - 1 <= s.from() || !tok.get(i - 1).norm().equals(","))
            return -1;
        for (int k = i - 2; k > s.from(); k--) {
            String n = tok.get(k).norm();
            if (CLAUSE_ENDS.contains(n))
                return -1;
            if (RELATIVES.contains(n))
                return k;
        }
        return -1;
    }

    /**
     * "Underworld (2003) starring X", "Title (1979), directed by X": a credit cue right after a parenthesised year
     * that is not the reviewed film's credits the film of that year, whatever its title is.
     */
    private boolean otherYearParenBefore(int i, Sentence s) {
        int k = i - 1;
        if (k > s.from() && tok.get(k).norm().equals(","))
            k--;
        if (k - 2 < s.from() || !tok.get(k).text().equals(")") || !tok.get(k - 1).year() || !tok.get(k - 2).text().equals("("))
            return false;
        // With no year for the reviewed film, the title before the year must be one the text introduces besides it.
        return film.year() != null ? Integer.parseInt(tok.get(k - 1).text()) != film.year()
                : k - 3 >= s.from() && otherTitle[k - 3] && !isSelf(k - 3);
    }

    /**
     * "The first film was directed by X", "the original one had been directed by X": the passive's subject is an
     * earlier film (article, an earlier-word, up to three title words, a film noun), so the director is that film's.
     */
    private boolean earlierFilmSubject(int i, Sentence s) {
        int k = i - 1;
        while (k > s.from() && Set.of("was", "were", "is", "had", "been", "also", "originally").contains(tok.get(k).norm()))
            k--;
        if (k == i - 1 || k <= s.from() || !(filmnouns.contains(tok.get(k).norm()) || tok.get(k).norm().equals("one")))
            return false;
        k--;
        int title = 0;
        while (k > s.from() && title < 3 && tok.get(k).capitalised() && !EARLIER.contains(tok.get(k).norm())) {
            k--;
            title++;
        }
        return k > s.from() && EARLIER.contains(tok.get(k).norm()) && ARTICLES.contains(tok.get(k - 1).norm());
    }

    /**
     * "from the 2012 side-step directed by X", "the 1986 film, directed by X": a determiner, a year that is not the
     * reviewed film's and one or two lower-case words right before the director cue name another film.
     */
    private boolean otherYearNounBefore(int i, Sentence s) {
        if (film.year() == null)
            return false;
        int k = i - 1;
        if (k > s.from() && tok.get(k).norm().equals(","))
            k--;
        int nouns = 0;
        while (k > s.from() && nouns < 2 && tok.get(k).lower() && tok.get(k).word()) {
            k--;
            nouns++;
        }
        return nouns > 0 && k > s.from() && tok.get(k).year() && Integer.parseInt(tok.get(k).text()) != film.year()
                && Set.of("the", "a", "that", "its", "his", "her", "their").contains(tok.get(k - 1).norm());
    }

    /**
     * A match that ends in a pronoun ("X, who directed it") whose nearest antecedent title, searched back from the
     * match's start within the sentence, is a film other than the reviewed one: "it" is that film.
     */
    private boolean pronounForOtherTitle(int start, int end, Sentence s) {
        if (end - 1 <= start || !PRONOUNS.contains(tok.get(end - 1).norm()))
            return false;
        for (int k = start - 1; k >= s.from(); k--) {
            if (otherTitle[k])
                return true;
            int j = knownOtherFilmAt(k, s);
            if (j >= 0) // "the second A mystery from X, who directed it": an ordinal makes it this film of A's series
                return !(j > s.from() && ordinals.contains(tok.get(j - 1).norm()));
            if (isSelf(k))
                return false;
        }
        return false;
    }

    /** Where a mention of a film the graph knows, other than the reviewed one, that covers token {@code k} starts ("A: B" around "B"); -1 if none. */
    private int knownOtherFilmAt(int k, Sentence s) {
        for (int j = k; j >= s.from() && k - j < 8; j--) {
            Gazetteer.Match m = gazByStart.get(tok.get(j).start());
            if (m != null && m.end() >= tok.get(k).end() && m.of(Kind.FILM).isPresent()
                    && !m.of(Kind.FILM).get().iri().equals(film.id()))
                return j;
        }
        return -1;
    }

    private static final Set<String> PRONOUNS = Set.of("it", "this");

    /**
     * A match that starts with a person's name right after an article, or with an article and then the name
     * ("a X cameo", "the X voice"): the name is a modifier of the noun after it, not someone in the film.
     * "the late X" (an adjective between) is still a name.
     */
    private boolean nameAsModifier(int i, List<Cap> caps, Sentence s) {
        if (caps.isEmpty() || caps.get(0).from() != i || !caps.get(0).slot().startsWith("PERSON"))
            return false;
        if (ARTICLES.contains(tok.get(i).norm()))
            return i + 1 < s.to() && tok.get(i + 1).capitalised();
        return i > s.from() && ARTICLES.contains(tok.get(i - 1).norm());
    }

    private static final Set<String> ARTICLES = Set.of("the", "a", "an");

    /**
     * Where a director cue of a directedBy match at token {@code i} starts ("directed by", "from director", "director"
     * after "from"), or -1 when the match starts with no such cue ("X directs").
     */
    private int directorCueStart(int i, Sentence s) {
        String n = tok.get(i).norm();
        if (Set.of("directed", "helmed", "co-directed", "from").contains(n))
            return i;
        if (Set.of("director", "filmmaker", "helmer").contains(n))
            return i > s.from() && tok.get(i - 1).norm().equals("from") ? i - 1 : i;
        return -1;
    }

    /**
     * Token {@code k} ends a capitalised run that starts with a film or franchise the graph knows and goes on
     * ("Jurassic World Rebirth, from director X"): a title of the franchise other than the reviewed film.
     */
    private boolean knownTitleExtendedTo(int k, Sentence s) {
        int a = k;
        while (a > s.from() && (tok.get(a - 1).capitalised() || connector(tok.get(a - 1)) && a - 2 >= s.from() && tok.get(a - 2).capitalised()))
            a--;
        for (int j = a; j < k; j++)
            if (tok.get(j).capitalised() && extendsKnownTitle(j, k + 1) && !isSelf(j))
                return true;
        return false;
    }

    private void findFilm() {
        List<Candidate> cands = new ArrayList<>();
        for (Sentence s : analysis.sentences()) {
            for (int i = s.from(); i < s.to(); i++) {
                Token t = tok.get(i);
                if (t.text().equals("(") && i + 2 < s.to() && tok.get(i + 1).year() && tok.get(i + 2).text().equals(")") && i > s.from()) {
                    int year = Integer.parseInt(tok.get(i + 1).text());
                    Candidate c = titleBefore(i, s, year);
                    if (c != null)
                        cands.add(withoutColumnLabel(c));
                } else if (t.year() && appositiveYearAt(i, s) > s.from()) {
                    // "Ghostbusters II, the 1989 follow-up", "Monsters University, released in the summer of 2013,"
                    Candidate c = titleBefore(appositiveYearAt(i, s), s, Integer.parseInt(t.text()));
                    if (c != null)
                        cands.add(c);
                } else if (t.year() && releasedTitleEnd(i, s) > s.from()) {
                    // "Halloween H20: 20 Years Later opened in August 1998": the title is the subject of a release verb
                    Candidate c = titleBefore(releasedTitleEnd(i, s), s, Integer.parseInt(t.text()));
                    if (c != null)
                        cands.add(c);
                } else if (t.year() && i + 1 < s.to() && tok.get(i + 1).possessive()) {
                    Candidate c = titleAfter(i + 2, s, Integer.parseInt(t.text()));
                    if (c != null)
                        cands.add(otherParen[i] && !c.penalised() ? new Candidate(c.title(), c.year(), c.from(), c.to(), c.entry(),
                                "comparison", -6, c.origin()) : c);
                }
            }
        }
        List<Candidate> graph = graphCandidates();
        graph.stream().filter(c -> !c.origin().equals("graph")).forEach(cands::add);
        cands.addAll(headlineCandidates());
        cands.addAll(seenCandidates());
        // A known film the text names without its year is the subject only when nothing else is offered: reviews
        // introduce their film with its year or in the headline, and mention the franchise's earlier films in passing.
        if (cands.isEmpty())
            cands.addAll(graph);
        if (cands.isEmpty())
            throw new ExtractionException("no film is recognisable in this text: name the reviewed film with its year, "
                    + "e.g. 'Ballerina (2025)' or '2025's Ballerina', or use a title the graph already holds");
        Integer yearCue = yearCue();
        Integer dateline = datelineYear();
        // A title without a year takes the year the text gives it elsewhere, else the cue's, else the graph's only film of that name.
        Map<String, Candidate> datedByKey = new HashMap<>();
        for (Candidate c : cands)
            if (c.dated() && !c.penalised())
                datedByKey.putIfAbsent(Words.key(c.title()), c);
        // The headline's title given with its year after a cue that misfired ("between flights, but Top Gun: Maverick (2022)").
        for (Candidate c : cands)
            if (c.dated() && c.penalised() && yearCue == null)
                datedByKey.putIfAbsent(Words.key(c.title()), c);
        List<Candidate> resolved = new ArrayList<>();
        for (Candidate c : cands) {
            if (c.year() != null) {
                resolved.add(c);
                continue;
            }
            Candidate d = datedByKey.get(Words.key(c.title()));
            List<Entry> films = gaz.lookup(c.title()).stream().filter(e -> e.kind() == Kind.FILM && e.year() != null).toList();
            if (d != null)
                resolved.add(c.with(d.year(), d.entry(), d.title()));
            else if (yearCue != null)
                resolved.add(c.with(yearCue, films.stream().filter(e -> e.year().equals(yearCue)).findFirst().orElse(null), c.title()));
            else if (films.size() == 1)
                resolved.add(c.with(films.get(0).year(), films.get(0), films.get(0).label()));
            else if (films.isEmpty() && dateline != null && !c.penalised())
                resolved.add(c.with(dateline, null, c.title())); // a new film reviewed in the issue of "June 2010"
            else
                resolved.add(c);
        }
        cands = absorbShortForms(resolved);
        Set<String> keys = new HashSet<>();
        for (Candidate c : cands)
            keys.add(Words.key(c.title()));
        String headline = headline();
        Map<String, Candidate> firstOf = new LinkedHashMap<>();
        Map<String, Map<String, Double>> points = new LinkedHashMap<>();
        int earliest = cands.stream().filter(c -> !c.penalised()).mapToInt(Candidate::from).min().orElse(-1);
        for (Candidate c : cands) {
            String key = c.entry() != null ? c.entry().iri() : Words.key(c.title()) + "|" + c.year();
            firstOf.merge(key, c, (a, b) -> allCaps(a.title()) && !allCaps(b.title()) ? b : a.penalised() && !b.penalised() ? b : a);
            Map<String, Double> p = points.computeIfAbsent(key, k -> new LinkedHashMap<>());
            if (c.from() == earliest)
                p.put("first", 3.0);
            if (c.dated() && !c.penalised())
                p.put("dated", 2.0);
            if (c.origin().equals("headline"))
                p.put("headline", 5.0);
            if (c.origin().equals("seen") && !c.penalised())
                p.put("seen", 1.0);
            if (c.penalised())
                p.merge(c.against(), c.againstPoints(), Math::min);
        }
        // A title mentioned both as someone's other work and plainly keeps only the plain mention's credit.
        for (var e : firstOf.entrySet())
            if (!e.getValue().penalised()) {
                points.get(e.getKey()).remove("comparison");
                points.get(e.getKey()).remove("possessive");
            }
        List<FilmScore> scores = new ArrayList<>();
        Map<FilmScore, String> keyOf = new HashMap<>();
        for (var e : firstOf.entrySet()) {
            Candidate c = e.getValue();
            Map<String, Double> p = points.get(e.getKey());
            String k = Words.key(c.title());
            if (!headline.isEmpty() && countIn(headline, k, keys) > 0)
                p.put("headline", 5.0);
            int n = count(k, keys);
            if (n > 0)
                p.put("mentions", (double) Math.min(n, 5));
            double shortMentions = 0;
            for (String f : shortForms(c.title()))
                shortMentions += 0.5 * Math.min(count(f, keys), 6);
            if (shortMentions > 0)
                p.put("short forms", shortMentions);
            if (c.entry() != null)
                p.put("known", 1.0);
            if (yearCue != null && yearCue.equals(c.year()))
                p.put("year-cue", 3.0);
            FilmScore fs = new FilmScore(c.entry() != null ? c.entry().label() : c.title(), c.year(), p);
            scores.add(fs);
            keyOf.put(fs, e.getKey());
        }
        scores.sort(Comparator.comparingDouble(FilmScore::total).reversed());
        filmScores = List.copyOf(scores);
        Candidate c = firstOf.get(keyOf.get(scores.get(0)));
        Evidence ev = Evidence.of(text, tok.get(c.from()).start(), tok.get(c.to() - 1).end());
        titleSpan = new int[] {c.from(), c.to()};
        otherTitle = new boolean[tok.size()];
        // Titles the text introduces (with a year, in a headline, as a sequel), not every mention of a known name:
        // "Paddington" and "Shrek" are characters too.
        for (Candidate o : cands)
            if (!o.origin().equals("graph") && (!Words.key(o.title()).equals(Words.key(c.title())) || !java.util.Objects.equals(o.year(), c.year())))
                fill(otherTitle, o.from(), o.to());
        if (c.entry() != null) {
            film = new FilmMention(c.entry().label(), c.entry().year(), c.entry().iri(), ev, true);
        } else {
            String title = displayTitle(c.title().strip());
            // No year in the text or the graph: the film is still the subject, but ingest refuses it until the graph knows it.
            String slug = c.year() == null ? Slugs.of(title) : Slugs.film(title, c.year());
            film = new FilmMention(title, c.year(), Iris.resource(Kind.FILM, slug), ev, false);
        }
        markSelf(c);
    }

    /**
     * The comma that opens an aside giving the title before it its year, for the year at token {@code y}: ", the 1989
     * follow-up" (a film noun after the year) or ", released in [the summer of] 2013"; -1 when there is none.
     */
    /**
     * "Rewind Corner: Speed 2: Cruise Control (1997)", "Capsule: X (2009)" as a headline line: a part before the first
     * colon that the text never repeats and the graph does not know is a column label, not part of the title.
     */
    private Candidate withoutColumnLabel(Candidate c) {
        boolean lineStart = c.from() == 0 || tok.get(c.from() - 1).line() != tok.get(c.from()).line();
        // a headline: the line is the title and its "(year)" only ("Rogue One: A Star Wars Story (2016) is ..." is prose)
        int close = c.to() + 2;
        boolean lineEnd = close < tok.size() && tok.get(close).text().equals(")")
                && (close + 1 == tok.size() || tok.get(close + 1).line() != tok.get(close).line());
        if (!lineStart || !lineEnd || c.entry() != null || gazByStart.containsKey(tok.get(c.from()).start()))
            return c;
        int colon = -1;
        for (int k = c.from() + 1; k < c.to() - 1 && colon < 0; k++)
            if (tok.get(k).norm().equals(":"))
                colon = k;
        if (colon < 0)
            return c;
        String label = text.substring(tok.get(c.from()).start(), tok.get(colon - 1).end());
        String rest = text.substring(tok.get(colon + 1).start(), tok.get(c.to() - 1).end());
        if (count(Words.key(label)) > 1 || count(Words.key(rest)) < 1 || !tok.get(colon + 1).capitalised())
            return c;
        return new Candidate(rest, c.year(), colon + 1, c.to(), c.entry(), c.against(), c.againstPoints(), c.origin());
    }

    private static final Set<String> RELEASE_VERBS = Set.of("opened", "premiered", "released", "arrived", "debuted");
    private static final Set<String> SEASONS = Set.of("summer", "spring", "autumn", "fall", "winter", "end", "start", "middle");

    /**
     * For the year at token {@code y}: where a title ends that is the subject of a release verb with this year, "Title
     * opened in [August] 1998", "Title was released in the summer of 2011"; -1 when the year is no such cue.
     */
    private int releasedTitleEnd(int y, Sentence s) {
        int k = y - 1;
        if (k > s.from() && MONTHS.contains(tok.get(k).norm()))
            k--;
        if (k - 2 > s.from() && tok.get(k).norm().equals("of") && SEASONS.contains(tok.get(k - 1).norm()) && tok.get(k - 2).norm().equals("the"))
            k -= 3;
        if (k <= s.from() || !tok.get(k).norm().equals("in"))
            return -1;
        k--;
        if (k <= s.from() || !RELEASE_VERBS.contains(tok.get(k).norm()))
            return -1;
        if (k - 1 > s.from() && Set.of("was", "were", "first", "originally").contains(tok.get(k - 1).norm()))
            k--;
        if (k - 1 > s.from() && Set.of("was", "were").contains(tok.get(k - 1).norm()))
            k--;
        return k > s.from() && tok.get(k - 1).capitalised() && !stopnames.contains(tok.get(k - 1).norm()) ? k : -1;
    }

    private int appositiveYearAt(int y, Sentence s) {
        if (y + 1 < s.to() && YEAR_NOUNS.contains(tok.get(y + 1).norm()) && y - 2 >= s.from() && tok.get(y - 1).norm().equals("the")
                && tok.get(y - 2).norm().equals(","))
            return y - 2;
        for (int k = y - 1; k > s.from() && y - k <= 6; k--) {
            String n = tok.get(k).norm();
            if (n.equals(",") || n.equals(";") || tok.get(k).capitalised() && !MONTHS.contains(n))
                return -1;
            if (Set.of("released", "opened", "premiered").contains(n))
                return k - 1 > s.from() && tok.get(k - 1).norm().equals(",") && tok.get(k + 1).norm().equals("in") ? k - 1 : -1;
        }
        return -1;
    }

    /**
     * A title found without a year in a headline or after "see" that is one part of a longer title the
     * text also gives ("Wakanda Forever" of "Black Panther: Wakanda Forever") is that title.
     */
    private List<Candidate> absorbShortForms(List<Candidate> cands) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : cands) {
            Candidate into = null;
            if (c.entry() == null && (c.origin().equals("headline") || c.origin().equals("seen"))) {
                String k = Words.key(c.title());
                for (Candidate l : cands)
                    if (l != c && !Words.key(l.title()).equals(k) && titleParts(l.title()).contains(k)
                            && (into == null || into.penalised() && !l.penalised() || l.dated() && !into.dated()))
                        into = l;
            }
            out.add(into == null ? c : c.with(into.year(), into.entry(), into.title()));
        }
        return out;
    }

    /** The keys of a title's parts around colons and dashes: "Spider-Man: Homecoming" has "spider man" and "homecoming". */
    private static Set<String> titleParts(String title) {
        Set<String> out = new HashSet<>();
        String[] parts = title.split("\\s*:\\s*|\\s+[-\u2013\u2014]\\s+");
        if (parts.length < 2)
            return out;
        for (int a = 0; a < parts.length; a++)
            for (int b = a + 1; b <= parts.length; b++)
                if (b - a < parts.length)
                    out.add(Words.key(String.join(" ", java.util.Arrays.asList(parts).subList(a, b))));
        return out;
    }

    /** An all-capitals title ("SHREK 2") as the text writes it elsewhere in mixed case, if it does. */
    private String displayTitle(String title) {
        if (!allCaps(title))
            return title;
        String[] k = Words.key(title).split(" ");
        outer:
        for (int i = 0; i + k.length <= words.size(); i++) {
            for (int j = 0; j < k.length; j++)
                if (!words.get(i + j).key().equals(k[j]))
                    continue outer;
            String shown = text.substring(words.get(i).start(), words.get(i + k.length - 1).end());
            if (!allCaps(shown))
                return shown;
        }
        return title;
    }

    /** Every film the graph knows that the text names, and titles that extend one ("Paddington 2", "Puss in Boots: The Last Wish"). */
    private List<Candidate> graphCandidates() {
        List<Candidate> out = new ArrayList<>();
        for (Gazetteer.Match m : gazByStart.values()) {
            Integer i = tokenAtChar.get(m.start());
            if (i == null)
                continue;
            int to = tokenEnding(m.end(), i);
            Optional<Entry> f = m.of(Kind.FILM);
            boolean franchise = m.of(Kind.FRANCHISE).isPresent();
            int ext = extension(i, to);
            if (ext > to) {
                String title = text.substring(tok.get(i).start(), tok.get(ext - 1).end());
                Entry known = gaz.lookup(title, Kind.FILM).orElse(null);
                out.add(against(new Candidate(known != null ? known.label() : title, known != null ? known.year() : null, i, ext, known,
                        null, 0, "sequel")));
            } else if (f.isPresent()) {
                if (ext == -1 || franchise && to < tok.size() && filmnouns.contains(tok.get(to).norm()))
                    continue; // "Back to the Future (1985)" is dated elsewhere; "the Shrek films" is the franchise
                out.add(against(new Candidate(text.substring(m.start(), m.end()), f.get().year(), i, to, f.get(), null, 0, "graph")));
            }
        }
        return out;
    }

    /**
     * The end (exclusive) of a title that continues the known title {@code [from, to)}: a number or
     * numeral ("2", "VI", "Part II"), or a subtitle after a colon ("Puss in Boots: The Last Wish");
     * {@code to} when nothing continues it, -1 when a "(year)" follows (a dated candidate covers it).
     */
    private int extension(int from, int to) {
        if (to >= tok.size() || tok.get(to).line() != tok.get(from).line())
            return to;
        Token t = tok.get(to);
        if (t.text().equals("(") && to + 1 < tok.size() && tok.get(to + 1).year())
            return -1;
        if (sequelNumber(t))
            return to + 1;
        if (SEQUEL_PARTS.contains(t.norm()) && t.capitalised() && to + 1 < tok.size()
                && (sequelNumber(tok.get(to + 1)) || NUMBER_WORDS.contains(tok.get(to + 1).norm())))
            return to + 2;
        int sub = subtitleEnd(to);
        if (sub > 0)
            return sub;
        // "Batman Returns": one more capitalised word, when the text repeats the longer title.
        if (t.capitalised() && !stopnames.contains(t.norm()) && t.sentence() == tok.get(from).sentence() && !gazByStart.containsKey(t.start())
                && (to + 1 >= tok.size() || !tok.get(to + 1).possessive() && !tok.get(to + 1).capitalised())
                && count(Words.key(text.substring(tok.get(from).start(), t.end()))) >= 2) {
            sub = subtitleEnd(to + 1); // "Halloween H20: 20 Years Later"
            return sub > 0 ? sub : to + 1;
        }
        return to;
    }

    /**
     * The end (exclusive) of a subtitle after the colon at {@code colon} ("Puss in Boots: The Last Wish"), or -1: capitalised
     * words, connectors before one ("Dark of the Moon"), a possessive inside ("At World's End"), a number first ("20 Years
     * Later").
     */
    private int subtitleEnd(int colon) {
        if (colon + 1 >= tok.size() || !tok.get(colon).norm().equals(":"))
            return -1;
        Token t = tok.get(colon);
        int j = colon + 1;
        if (leadingNumber(j))
            j++;
        if (!tok.get(j).capitalised() || tok.get(j).sentence() != t.sentence())
            return -1;
        if (colon > 0 && allCaps(tok.get(colon - 1).text()) != allCaps(tok.get(colon + 1).text()))
            return -1; // "BATMAN BEGINS: Nolan takes ...": a title is set in one case, the words after the colon are a tagline
        while (j < tok.size() && j - colon < 10 && tok.get(j).sentence() == t.sentence()) {
            if (tok.get(j).capitalised() && !(tok.get(j).text().equals("I") && tok.get(j).pos().equals("PRON")))
                j++;
            else if (tok.get(j).possessive() && tok.get(j - 1).capitalised() && j + 1 < tok.size() && tok.get(j + 1).capitalised())
                j++;
            else if (connector(tok.get(j)) && (capitalisedAfterConnectors(j)))
                j++;
            else
                break;
        }
        if (j > colon + 2 || j > colon + 1 && !stopnames.contains(tok.get(colon + 1).norm()))
            return j;
        return -1;
    }

    /** Up to two more connectors and then a capitalised word follow connector {@code j} in its sentence ("of the Moon"). */
    private boolean capitalisedAfterConnectors(int j) {
        for (int k = j + 1; k < tok.size() && k - j <= 2 && tok.get(k).sentence() == tok.get(j).sentence(); k++) {
            if (tok.get(k).capitalised())
                return !(tok.get(k).text().equals("I") && tok.get(k).pos().equals("PRON"));
            if (!connector(tok.get(k)))
                return false;
        }
        return false;
    }

    /** "M3GAN 2.0", "Happy Death Day 2U": a sequel number with a version or a capital letter, a title word. */
    private static boolean versionedNumber(Token t) {
        return t.text().matches("[1-9]\\d?(\\.\\d|\\p{Lu})");
    }

    private static boolean sequelNumber(Token t) {
        String s = t.text();
        if (s.matches("\\d{1,2}"))
            return Integer.parseInt(s) >= 2;
        if (versionedNumber(t))
            return true;
        return ROMAN.matcher(s).matches() && s.chars().allMatch(Character::isUpperCase);
    }

    private Candidate against(Candidate c) {
        if (penaltyBefore(c.from()))
            return new Candidate(c.title(), c.year(), c.from(), c.to(), c.entry(), "comparison", -6, c.origin());
        if (possessiveOfName(c.from()))
            return new Candidate(c.title(), c.year(), c.from(), c.to(), c.entry(), "possessive", -4, c.origin());
        return c;
    }

    /** "George Stevens' Shane", "Jenkins's Monster": the title after a person's (or studio's) possessive is their work. */
    private boolean possessiveOfName(int i) {
        int k = i - 1;
        while (k > 0 && i - k <= 2 && tok.get(k).lower() && tok.get(k).word() && !tok.get(k).possessive())
            k--; // "Carpenter's original Halloween", "Banderas's own The Mask of Zorro"
        if (k < 1 || !tok.get(k).possessive() || tok.get(k).sentence() != tok.get(i).sentence())
            return false;
        Token owner = tok.get(k - 1);
        return owner.capitalised() && !owner.year() && !stopnames.contains(owner.norm());
    }

    /** Titles at the start of the first lines above the text ("Paddington 2 is exactly ...", "Halloween review: ..."). */
    private List<Candidate> headlineCandidates() {
        List<Candidate> out = new ArrayList<>();
        int lines = 0;
        for (int[] line : analysis.lines()) {
            String l = text.substring(line[0], line[1]);
            if (l.isBlank())
                continue;
            if (Words.of(l).size() > 16 || lines++ >= 2)
                break;
            Integer first = null;
            for (int c = line[0]; c < line[1] && first == null; c++)
                first = tokenAtChar.get(c);
            // "5 Things We Learned From X": a list headline's number starts the line, the title follows "From"/"About"
            boolean listHeadline = first != null && tok.get(first).norm().matches("\\d{1,2}") && first + 1 < tok.size()
                    && tok.get(first + 1).word() && tok.get(first + 1).line() == tok.get(first).line();
            if (first == null || !tok.get(first).capitalised() && !listHeadline || tok.get(first).norm().equals("by"))
                continue;
            int j = first;
            int lineNo = tok.get(first).line();
            while (j < tok.size() && tok.get(j).line() == lineNo && titleToken(tok.get(j)) && j - first < 14)
                j++;
            List<int[]> spans = new ArrayList<>();
            spans.add(new int[] {first, j});
            int[] listTitle = null;
            // "5 Things We Learned From X", "7 things we learned from X": the title runs from "from" to the line's end
            int lineEnd = first;
            while (lineEnd < tok.size() && tok.get(lineEnd).line() == lineNo)
                lineEnd++;
            for (int k = first + 1; k + 1 < lineEnd && listHeadline && listTitle == null; k++)
                if (Set.of("from", "about").contains(tok.get(k).norm()) && tok.get(k + 1).capitalised()) {
                    int r = k + 1;
                    while (r < lineEnd && titleToken(tok.get(r)))
                        r++;
                    if (r == lineEnd || k + 1 < j)
                        spans.add(listTitle = new int[] {k + 1, r == lineEnd ? r : j});
                }
            // "Spider-Man: Into the Spider-Verse — Anyone Can Wear the Mask": a dash ends the title as a colon may
            int dash = j;
            for (int k = first + 1; k < j; k++)
                if (spacedDash(k)) {
                    dash = k;
                    break;
                }
            boolean wholeRepeated = count(Words.key(partText(new int[] {first, j}))) >= 2;
            if (dash < j && !wholeRepeated && count(Words.key(partText(new int[] {first, dash}))) >= 2)
                spans.set(0, new int[] {first, dash}); // the part before the dash is the title the text repeats
            else if (dash < j)
                spans.add(new int[] {first, dash});
            // "Manners Maketh Man: Kingsman: The Secret Service": a tagline before the first colon that neither the text
            // nor the graph knows, when the rest is the title the text repeats
            int firstColon = -1;
            for (int k = first + 1; k < j && firstColon < 0; k++)
                if (tok.get(k).norm().equals(":"))
                    firstColon = k;
            // "BEETLEJUICE BEETLEJUICE: SAY IT TWICE, ENJOY IT ONCE": a headline all in capitals is a title and a tagline
            // when the part before the colon is what the text repeats
            if (firstColon > 0 && !wholeRepeated && allCaps(partText(new int[] {first, j})) && !restOfLineHasNoWords(j)
                    && gaz.lookup(partText(new int[] {first, firstColon}), Kind.FILM).isEmpty()
                    && count(Words.key(partText(new int[] {first, firstColon}))) >= 2)
                spans.set(0, new int[] {first, firstColon});
            else if (firstColon > 0 && firstColon + 1 < j && !wholeRepeated) {
                String label = partText(new int[] {first, firstColon});
                int end = spans.get(0)[1];
                if (gaz.lookup(label).isEmpty() && count(Words.key(label)) < 2 && tok.get(firstColon + 1).capitalised()
                        && count(Words.key(partText(new int[] {firstColon + 1, end}))) >= 2)
                    spans.set(0, new int[] {firstColon + 1, end});
            }
            for (int k = first; k < j; k++)
                if (tok.get(k).norm().equals(":")) {
                    // a known film before the colon of a title the text repeats is that title's first part ("Ice Age: Dawn of
                    // the Dinosaurs"), not a candidate of its own
                    int end = k < dash ? dash : j;
                    boolean datedAfter = end + 2 < tok.size() && tok.get(end).text().equals("(") && tok.get(end + 1).year()
                            && tok.get(end + 1).line() == lineNo; // "RAMBO: LAST BLOOD (2019)"
                    if (!(gaz.lookup(partText(new int[] {first, k}), Kind.FILM).isPresent()
                            && (datedAfter || count(Words.key(partText(new int[] {first, end}))) >= 2)))
                        spans.add(new int[] {first, k});
                    spans.add(new int[] {k + 1, end});
                }
            // "Two captains, one movie: Star Trek Generations", "Critic's Notebook: the rage returns in 28 Years Later":
            // a title after a colon past the opening words, or closing the line after a lower-case word
            List<int[]> later = new ArrayList<>();
            int e = j;
            while (e < tok.size() && tok.get(e).line() == lineNo)
                e++;
            for (int k = j; k + 1 < e; k++)
                if (tok.get(k).norm().equals(":")) {
                    int r = k + 1;
                    while (r < e && titleToken(tok.get(r)))
                        r++;
                    if (r == e)
                        later.add(new int[] {k + 1, e});
                }
            int t = e;
            while (t > j && titleToken(tok.get(t - 1)))
                t--;
            while (t < e && connector(tok.get(t)))
                t++; // "returns in 28 Years Later": the connector before the title is not part of it
            if (t > j && t < e && tok.get(t - 1).lower() && tok.get(t - 1).word())
                later.add(new int[] {t, e});
            // "Hammer time: Marvel's THOR is a family drama": a word run in capitals inside a mixed-case headline, not
            // a label before a colon, that the text repeats, is the title set in capitals
            List<int[]> caps = new ArrayList<>();
            if (!allCaps(partText(new int[] {first, e})))
                for (int k = first + 1; k < e; k++) {
                    int r = k;
                    while (r < e && capsWord(tok.get(r)))
                        r++;
                    boolean afterLowerOrPossessive = tok.get(k - 1).possessive() || tok.get(k - 1).lower();
                    if (r > k && afterLowerOrPossessive && (r == e || !tok.get(r).norm().equals(":"))
                            && !(r == k + 1 && ROMAN.matcher(tok.get(k).text()).matches())
                            && !stopnames.contains(tok.get(k).text().charAt(0) + tok.get(k).text().substring(1).toLowerCase(java.util.Locale.ROOT))
                            && !HEADLINE_TAIL.contains(tok.get(k).norm()) && count(Words.key(partText(new int[] {k, r}))) >= 2
                            && !allCaps(displayTitle(partText(new int[] {k, r}))))
                        caps.add(new int[] {k, r});
                    k = r;
                }
            int j0 = first;
            if (!caps.isEmpty()) // the line sets its title in capitals: its mixed-case opening words are no title
                spans.removeIf(sp -> sp[0] == j0 && !allCaps(partText(sp)));
            later.addAll(caps);
            spans.addAll(later);
            for (int[] sp : spans) {
                int a = sp[0], b = sp[1];
                boolean fromLater = later.contains(sp);
                while (b > a && (connector(tok.get(b - 1)) || TITLE_PUNCT.contains(tok.get(b - 1).norm())
                        || HEADLINE_TAIL.contains(tok.get(b - 1).norm())))
                    b--;
                // a number may open a later title ("28 Years Later")
                if (b <= a || !tok.get(a).capitalised() && !(fromLater && tok.get(a).text().chars().allMatch(Character::isDigit)))
                    continue;
                String title = text.substring(tok.get(a).start(), tok.get(b - 1).end());
                Entry known = gaz.lookup(title, Kind.FILM).orElse(null);
                // "The Hobbit: An Unexpected Journey" alone on the first line, its subtitle repeated below.
                // (Not "EVIL DEAD RISE: The Deadites Move to the City": a title in capitals, then a tagline.)
                boolean titleLine = a == first && spans.size() > 1 && restOfLineHasNoWords(b)
                        && !(allCaps(partText(spans.get(1))) && !allCaps(title))
                        && spans.stream().skip(1).anyMatch(x -> x[1] > x[0] && count(Words.key(partText(x))) >= 2);
                if (b - a == 1 && !tok.get(a).pos().equals("PROPN") && known == null && !caps.contains(sp))
                    continue; // "Good morning, I'm ..."
                boolean tagline = spans.size() > 1 && a == first && b > spans.get(1)[1] && allCaps(partText(spans.get(1))) && !allCaps(title);
                if (tagline)
                    continue;
                if (known == null && !extendsKnownTitle(a, b) && sp != listTitle && !caps.contains(sp) && (allCaps(title) || count(Words.key(title), Set.of()) < 2 && !titleLine))
                    continue; // a column name or a byline, not a title the text talks about
                out.add(new Candidate(title, null, a, b, null, null, 0, "headline"));
            }
        }
        return out;
    }

    /** Nothing but symbols ("★★★★½") follows token {@code b} on its line. */
    private boolean restOfLineHasNoWords(int b) {
        if (b == 0)
            return false;
        int line = tok.get(b - 1).line();
        for (int j = b; j < tok.size() && tok.get(j).line() == line; j++)
            if (tok.get(j).text().chars().anyMatch(Character::isLetterOrDigit))
                return false;
        return true;
    }

    private String partText(int[] span) {
        return span[1] > span[0] ? text.substring(tok.get(span[0]).start(), tok.get(span[1] - 1).end()) : "";
    }

    /** The span starts with a film or franchise the graph knows and goes on ("Star Trek Into Darkness"). */
    private boolean extendsKnownTitle(int a, int b) {
        Gazetteer.Match m = gazByStart.get(tok.get(a).start());
        return m != null && m.end() < tok.get(b - 1).end() && (m.of(Kind.FILM).isPresent() || m.of(Kind.FRANCHISE).isPresent());
    }

    /** "I went to see Logan", "a review of Dune": the title after a viewing cue (rules: seen). */
    private List<Candidate> seenCandidates() {
        List<Candidate> out = new ArrayList<>();
        for (Sentence s : analysis.sentences())
            for (int i = s.from(); i < s.to(); i++) {
                int c = cueAt("seen", i, s);
                if (c == 0 || i + c >= s.to() || !tok.get(i + c).capitalised() || stopnames.contains(tok.get(i + c).norm())
                        && !tok.get(i + c).norm().equals("the"))
                    continue;
                int a = i + c, b = a;
                while (b < s.to() && titleToken(tok.get(b)) && b - a < 10)
                    b++;
                while (b > a && (connector(tok.get(b - 1)) || TITLE_PUNCT.contains(tok.get(b - 1).norm())))
                    b--;
                if (b <= a || b < s.to() && (tok.get(b).possessive() || tok.get(b).text().equals("(")))
                    continue; // "watch George Stevens' Shane"; a dated title is a candidate already
                out.add(against(new Candidate(text.substring(tok.get(a).start(), tok.get(b - 1).end()), null, a, b, null, null, 0, "seen")));
            }
        return out;
    }

    /**
     * The reviewed film's year when the text gives it without the title: "this 2013 sequel", "the
     * 2018 film", "Robert Zemeckis's 1989 sequel", or a year on its own in the headline lines
     * ("PG · 2023 · Sony Pictures Animation"); not a date ("May 25, 2012") and not inside a comparison.
     */
    private Integer yearCue() {
        for (int i = 1; i + 1 < tok.size(); i++) {
            Token t = tok.get(i);
            if (!t.year() || blocked(i, i + 1))
                continue;
            String before = tok.get(i - 1).norm();
            if (Set.of("this", "the", "'s", "its", "a").contains(before) && YEAR_NOUNS.contains(tok.get(i + 1).norm())
                    && !(tok.get(i - 1).possessive() && possessorAfterCue(i - 1)) && !knownFilmYears().contains(Integer.parseInt(t.text())))
                return Integer.parseInt(t.text());
            int noun = releasedFilmNoun(i);
            if (noun > 0 && Set.of("this", "the", "'s", "its").contains(tok.get(noun - 1).norm())
                    && !(tok.get(noun - 1).possessive() && possessorAfterCue(noun - 1)) && !knownFilmYears().contains(Integer.parseInt(t.text())))
                return Integer.parseInt(t.text());
        }
        int lines = 0;
        for (int[] line : analysis.lines()) {
            String l = text.substring(line[0], line[1]);
            if (l.isBlank())
                continue;
            if (Words.of(l).size() > 16 || lines++ >= 4)
                break;
            for (int c = line[0]; c < line[1]; c++) {
                Integer i = tokenAtChar.get(c);
                if (i == null || !tok.get(i).year())
                    continue;
                Token prev = i > 0 && tok.get(i - 1).line() == tok.get(i).line() ? tok.get(i - 1) : null;
                Token next = i + 1 < tok.size() && tok.get(i + 1).line() == tok.get(i).line() ? tok.get(i + 1) : null;
                boolean date = prev != null && (MONTHS.contains(prev.norm()) || prev.norm().matches("\\d+|,") || prev.text().equals("("));
                boolean inWords = prev != null && prev.word() || next != null && next.word();
                if (!date && !inWords)
                    return Integer.parseInt(tok.get(i).text());
            }
        }
        return null;
    }

    /**
     * "Branagh's film, released in the spring of 2011": for the year at token {@code y} after a release verb, the film noun
     * the verb's participle clause is about (the token before the comma); -1 if none.
     */
    private int releasedFilmNoun(int y) {
        Sentence s = analysis.sentences().get(tok.get(y).sentence());
        int k = y - 1;
        if (k > s.from() && MONTHS.contains(tok.get(k).norm()))
            k--;
        if (k - 2 > s.from() && tok.get(k).norm().equals("of") && SEASONS.contains(tok.get(k - 1).norm()) && tok.get(k - 2).norm().equals("the"))
            k -= 3;
        if (k - 3 < s.from() || !tok.get(k).norm().equals("in") || !Set.of("released", "opened", "premiered").contains(tok.get(k - 1).norm())
                || !tok.get(k - 2).norm().equals(","))
            return -1;
        return YEAR_NOUNS.contains(tok.get(k - 3).norm()) ? k - 3 : -1;
    }

    /** Release years of the films the graph knows that the text names: "the 1984 film" then means that film. */
    private Set<Integer> knownFilmYears() {
        Set<Integer> years = new HashSet<>();
        for (Gazetteer.Match m : gazByStart.values())
            for (Entry e : m.entries())
                if (e.kind() == Kind.FILM && e.year() != null)
                    years.add(e.year());
        return years;
    }

    /**
     * "after Juan Carlos Fresnadillo's 28 Weeks Later (2007)": a title read as the reviewed film right after a
     * possessive whose possessor follows an other-work or comparison cue is the possessor's other work (the film
     * choice may have taken it for the reviewed film, so {SELF} alone does not tell).
     */
    private boolean ownWorkAfterCue(List<Cap> caps) {
        for (Cap c : caps)
            if (c.slot().equals("SELF") && c.from() > 0 && tok.get(c.from() - 1).possessive() && possessorAfterCue(c.from() - 1))
                return true;
        return false;
    }

    /** "After Paul Feig's 2016 reboot": the possessor before the possessive at {@code p} follows an other-work or comparison cue. */
    private boolean possessorAfterCue(int p) {
        int k = p - 1;
        while (k > 0 && tok.get(k - 1).capitalised() && !stopnames.contains(tok.get(k - 1).norm())
                && tok.get(k - 1).sentence() == tok.get(p).sentence() && p - k < 4)
            k--;
        return penaltyBefore(k);
    }

    /** The year of a date in the first lines ("Friday, May 25, 2012", "JUNE 2010"): when the review was published. */
    private Integer datelineYear() {
        int lines = 0;
        for (int[] line : analysis.lines()) {
            String l = text.substring(line[0], line[1]);
            if (l.isBlank())
                continue;
            if (Words.of(l).size() > 16 || lines++ >= 3)
                break;
            for (int c = line[0]; c < line[1]; c++) {
                Integer i = tokenAtChar.get(c);
                if (i == null || !tok.get(i).year() || i == 0 || tok.get(i - 1).line() != tok.get(i).line())
                    continue;
                Token prev = tok.get(i - 1);
                Token prev2 = i > 1 ? tok.get(i - 2) : null;
                if (MONTHS.contains(prev.norm()) || prev.norm().equals(",") && prev2 != null && prev2.text().matches("\\d{1,2}")
                        || prev.text().matches("\\d{1,2}") && prev2 != null && MONTHS.contains(prev2.norm()))
                    return Integer.parseInt(tok.get(i).text());
            }
        }
        // "the last thing anyone needed in December 2018", "(October 2024, for anyone reading this later)": a month and
        // year in the first paragraph dates the viewing, as a dateline would
        for (int[] line : analysis.lines()) {
            if (Words.of(text.substring(line[0], line[1])).size() <= 16)
                continue;
            Integer firstToken = null;
            for (int c = line[0]; c < line[1] && firstToken == null; c++)
                firstToken = tokenAtChar.get(c);
            for (int c = line[0]; c < line[1]; c++) {
                Integer i = tokenAtChar.get(c);
                if (i != null && firstToken != null && tok.get(i).sentence() != tok.get(firstToken).sentence())
                    break; // the paragraph's first sentence only ("Boseman died in August 2020" comes later)
                // (a parenthesis is no other work here: "(October 2024, for anyone reading this later)")
                if (i != null && i > 0 && tok.get(i).year() && MONTHS.contains(tok.get(i - 1).norm()) && tok.get(i - 1).capitalised()
                        && !(i > 1 && tok.get(i - 2).text().matches("\\d{1,2}")) && !hedge[i] && !compare[i] && !future[i])
                    return Integer.parseInt(tok.get(i).text());
            }
            break;
        }
        return null;
    }

    private static boolean allCaps(String s) {
        return s.chars().noneMatch(Character::isLowerCase);
    }

    /** The words of the lines before the first paragraph-sized line: a headline, a byline, a title line. */
    private String headline() {
        StringBuilder sb = new StringBuilder();
        for (int[] line : analysis.lines()) {
            String l = text.substring(line[0], line[1]);
            if (l.isBlank())
                continue;
            if (Words.of(l).size() > 16)
                break;
            sb.append(' ').append(Words.key(l));
        }
        return sb.toString().strip();
    }

    /** Occurrences of {@code key} in {@code words}, not counting those inside a longer candidate title. */
    private static int countIn(List<String> ws, String key, Set<String> longer) {
        if (key.isEmpty())
            return 0;
        String[] k = key.split(" ");
        List<String[]> others = new ArrayList<>();
        for (String o : longer)
            if (o.length() > key.length() && (" " + o + " ").contains(" " + key + " "))
                others.add(o.split(" "));
        int n = 0;
        outer:
        for (int i = 0; i + k.length <= ws.size(); i++) {
            for (int j = 0; j < k.length; j++)
                if (!ws.get(i + j).equals(k[j]))
                    continue outer;
            for (String[] o : others)
                for (int off = 0; off + k.length <= o.length; off++)
                    if (matchesAt(ws, i - off, o))
                        continue outer;
            n++;
        }
        return n;
    }

    private static boolean matchesAt(List<String> ws, int at, String[] k) {
        if (at < 0 || at + k.length > ws.size())
            return false;
        for (int j = 0; j < k.length; j++)
            if (!ws.get(at + j).equals(k[j]))
                return false;
        return true;
    }

    private static int countIn(String headline, String key, Set<String> longer) {
        return countIn(List.of(headline.split(" ")), key, longer);
    }

    private List<String> wordKeys;

    private int count(String key, Set<String> longer) {
        if (wordKeys == null)
            wordKeys = words.stream().map(Words.Word::key).toList();
        return countIn(wordKeys, key, longer);
    }

    private int count(String key) {
        return count(key, Set.of());
    }

    /** "Rogue One: A Star Wars Story" is also "Rogue One"; "Alien: Romulus" also "Romulus". Franchise names do not count. */
    private List<String> shortForms(String title) {
        List<String> out = new ArrayList<>();
        String[] parts = title.split("\\s*[:\u2013\u2014]\\s*|\\s+-\\s+", 2);
        if (parts.length == 2) {
            for (String p : parts) {
                String k = Words.key(p);
                if (k.isEmpty() || !gaz.lookup(p).isEmpty() || k.matches("(part|chapter|episode|volume|a|the) .*|.* story"))
                    continue;
                out.add(k);
            }
        }
        return out;
    }

    /** A lower-case word inside a title (rules.txt {@code connectors}); "X" in "Saw X" is a numeral, "x" in "Godzilla x Kong" a connector. */
    private boolean connector(Token t) {
        return connectors.contains(t.norm()) && !(t.text().length() == 1 && Character.isUpperCase(t.text().charAt(0)));
    }

    private boolean titleToken(Token t) {
        if (t.text().equals("I") && t.pos().equals("PRON"))
            return false; // "the midnight showing of Blade: Trinity and I have thoughts"
        return t.capitalised() || t.text().chars().allMatch(Character::isDigit) && !t.text().isEmpty() || versionedNumber(t)
                || TITLE_PUNCT.contains(t.norm()) || connector(t);
    }

    private Candidate titleBefore(int paren, Sentence s, int year) {
        int end = paren; // exclusive
        Gazetteer.Match m = gazByEnd.get(tok.get(end - 1).end());
        if (m != null) {
            List<Entry> films = m.entries().stream().filter(e -> e.kind() == Kind.FILM).toList();
            Entry pick = films.stream().filter(e -> e.year() != null && e.year() == year).findFirst().orElse(null);
            Integer from = tokenAtChar.get(m.start());
            if (pick != null && from != null)
                return against(new Candidate(pick.label(), year, from, end, pick, null, 0, "dated"));
        }
        int j = end - 1;
        while (j >= s.from() && titleToken(tok.get(j)) && end - j <= 12)
            j--;
        int from = j + 1;
        while (from < end && (connector(tok.get(from)) && !tok.get(from).capitalised() || TITLE_PUNCT.contains(tok.get(from).norm())))
            from++;
        if (from == s.from() && end - from > 1 && LEADING_NON_TITLE.contains(tok.get(from).pos()) && !tok.get(from).norm().equals("the")
                && !headlineTitle(from, paren))
            from++;
        if (from >= end || !tok.get(from).capitalised() && !(leadingNumber(from) && from + 1 < end))
            return null;
        // "MAIN FEATURE: Doctor Strange (2022)", "FAMILY FILM GUIDE — Puss in Boots (2011)": a label in capitals before a
        // title in mixed case.
        for (int k = from + 1; k < end - 1; k++)
            if ((tok.get(k).norm().equals(":") || spacedDash(k)) && tok.get(k + 1).capitalised()
                    && allCaps(text.substring(tok.get(from).start(), tok.get(k - 1).end()))
                    && !allCaps(text.substring(tok.get(k + 1).start(), tok.get(end - 1).end()))) {
                from = k + 1;
                break;
            }
        // "Cult Corner: Gremlins 2: The New Batch (1990)": a column label before the title the text repeats.
        for (int k = from + 1; k < end - 1; k++)
            if (tok.get(k).norm().equals(":") && tok.get(k + 1).capitalised() && tok.get(from).line() <= 1
                    && gaz.lookup(text.substring(tok.get(from).start(), tok.get(k - 1).end())).isEmpty()
                    && count(Words.key(text.substring(tok.get(from).start(), tok.get(end - 1).end()))) < 2
                    && count(Words.key(text.substring(tok.get(k + 1).start(), tok.get(end - 1).end()))) >= 2) {
                from = k + 1;
                break;
            }
        String title = text.substring(tok.get(from).start(), tok.get(end - 1).end());
        Entry known = gaz.lookup(title).stream().filter(e -> e.kind() == Kind.FILM && e.year() != null && e.year() == year).findFirst().orElse(null);
        return against(new Candidate(known != null ? known.label() : title, year, from, end, known, null, 0, "dated"));
    }

    /**
     * "Sing 2 (2021)", "Ralph Breaks the Internet (2018) – Review": a line that is only a title and its year (perhaps
     * a dash and a label after it) is a headline, and its first word belongs to the title even when tagged a verb.
     */
    private boolean headlineTitle(int from, int paren) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, tok.get(from).start() - 1)) + 1;
        if (!text.substring(lineStart, tok.get(from).start()).isBlank() || paren + 2 >= tok.size() || !tok.get(paren + 2).norm().equals(")"))
            return false;
        int after = tok.get(paren + 2).end();
        int lineEnd = text.indexOf('\n', after);
        String rest = text.substring(after, lineEnd < 0 ? text.length() : lineEnd).strip();
        return rest.isEmpty() || rest.matches("[\u2013\u2014|:-].*");
    }

    /** A word of two or more letters, all capitals ("THOR", not "I" or "A"). */
    private static boolean capsWord(Token t) {
        return t.text().length() >= 2 && t.text().chars().allMatch(Character::isLetter) && allCaps(t.text());
    }

    /** A dash with a space before it ("A — B"), not a hyphen inside a word. */
    private boolean spacedDash(int k) {
        return k > 0 && tok.get(k).norm().equals("-") && tok.get(k - 1).end() < tok.get(k).start();
    }

    /** "28 Weeks Later": a title may start with a number followed by a capitalised word. */
    private boolean leadingNumber(int i) {
        return i + 1 < tok.size() && tok.get(i).text().matches("\\d{1,3}") && tok.get(i + 1).capitalised()
                && tok.get(i + 1).sentence() == tok.get(i).sentence();
    }

    private Candidate titleAfter(int from, Sentence s, int year) {
        int j = from;
        while (j < s.to() && titleToken(tok.get(j)) && j - from < 12)
            j++;
        while (j > from && (connector(tok.get(j - 1)) || TITLE_PUNCT.contains(tok.get(j - 1).norm())))
            j--;
        if (j <= from || !tok.get(from).capitalised())
            return null;
        String title = text.substring(tok.get(from).start(), tok.get(j - 1).end());
        Entry known = gaz.lookup(title).stream().filter(e -> e.kind() == Kind.FILM && e.year() != null && e.year() == year).findFirst().orElse(null);
        Candidate c = new Candidate(known != null ? known.label() : title, year, from, j, known, null, 0, "dated");
        return penaltyBefore(from - 2) ? new Candidate(c.title(), year, from, j, known, "comparison", -6, "dated") : c;
    }

    /** Whether an other-work or comparison cue comes just before token {@code i} (same sentence). */
    private boolean penaltyBefore(int i) {
        if (i < 0 || i >= tok.size())
            return false;
        if (compare[i] || otherParen[i])
            return true;
        Sentence s = analysis.sentences().get(tok.get(i).sentence());
        // "than any film since we started: 1982's X": a colon or semicolon ends the cue's reach, the title after it is offered plainly
        for (int k = i - 1; k >= Math.max(s.from(), i - 4); k--) {
            if (Set.of(":", ";").contains(tok.get(k).norm()))
                return false;
            if (cueAt("otherwork", k, s) > 0)
                return true;
        }
        return false;
    }

    private int tokenEnding(int charEnd, int from) {
        int i = from;
        while (i < tok.size() && tok.get(i).start() < charEnd)
            i++;
        return i;
    }

    /**
     * Whether the title words that end before token {@code to} go on as another film's title: a sequel number
     * ("Spider-Man 2", "Rocky IV"), a word for several films ("Ocean's trilogy") or a year that is not the reviewed
     * film's ("Halloween (1978)").
     */
    private boolean continuesTitle(int to) {
        if (to >= tok.size())
            return false;
        Token next = tok.get(to);
        if (next.sentence() != tok.get(to - 1).sentence())
            return false;
        if (sequelNumber(next))
            return true;
        if (collectives.contains(next.norm()) || next.possessive() && to + 1 < tok.size() && collectives.contains(tok.get(to + 1).norm()))
            return true; // "Soderbergh's Ocean's trilogy": several films, not the reviewed one
        return next.text().equals("(") && to + 2 < tok.size() && tok.get(to + 1).year() && tok.get(to + 2).text().equals(")")
                && film.year() != null && Integer.parseInt(tok.get(to + 1).text()) != film.year();
    }

    private void markSelf(Candidate c) {
        List<String> forms = new ArrayList<>();
        forms.add(Words.key(c.title()));
        forms.add(Words.key(film.title()));
        forms.addAll(shortForms(c.title()));
        forms.addAll(shortForms(film.title()));
        if (c.entry() != null)
            for (Gazetteer.Match m : gazByStart.values())
                if (m.entries().contains(c.entry()))
                    forms.add(Words.key(text.substring(m.start(), m.end())));
        String shortest = null;
        for (String f : new HashSet<>(forms)) {
            if (f.isEmpty())
                continue;
            String[] k = f.split(" ");
            outer:
            for (int i = 0; i + k.length <= words.size(); i++) {
                for (int j = 0; j < k.length; j++)
                    if (!words.get(i + j).key().equals(k[j]))
                        continue outer;
                Integer from = tokenAtChar.get(words.get(i).start());
                if (from == null)
                    continue;
                int to = tokenEnding(words.get(i + k.length - 1).end(), from);
                if (continuesTitle(to))
                    continue; // "Sam Raimi's Spider-Man 2 (2004)" in a review of Far From Home: another film
                selfAt.merge(from, to, Math::max);
                String shown = text.substring(words.get(i).start(), words.get(i + k.length - 1).end());
                if (!allCaps(shown) && (shortest == null || shown.length() < shortest.length()))
                    shortest = shown;
            }
        }
        subjectDisplay = shortest != null ? shortest : film.title();
    }

    // ------------------------------------------------------------------------------------------
    // Names

    private void collectNames() {
        for (Gazetteer.Match m : gazByStart.values())
            if (m.of(Kind.PERSON).isPresent())
                confirmed.add(new Known(m.of(Kind.PERSON).get().label(), Words.keys(m.of(Kind.PERSON).get().label()), m.start()));
        for (Sentence s : analysis.sentences()) {
            int i = s.from();
            while (i < s.to()) {
                int j = i;
                while (j < s.to() && (nameWord(j) || particleInName(j, i)) && j - i < 4)
                    j++;
                while (j > i && particles.contains(tok.get(j - 1).norm()))
                    j--;
                if (j - i >= 2 && tok.subList(i, j).stream().anyMatch(t -> t.pos().equals("PROPN")) && !nonPersonName(i, j)) {
                    String name = text.substring(tok.get(i).start(), tok.get(j - 1).end());
                    propn.add(new Known(name, Words.keys(name), tok.get(i).start()));
                }
                i = Math.max(j, i + 1);
            }
        }
        // First pass: which multi-word names do the rules put in a person slot?
        resolving = false;
        for (Raw r : applyRules())
            for (Cap c : r.confidence() < WEAK ? List.<Cap>of() : r.caps())
                if (c.slot().equals("CHARACTER"))
                    characterKeys.add(Words.key((String) c.value()));
                else if (c.value() instanceof Person p && !p.expanded() && Words.keys(p.name()).size() > 1)
                    confirmed.add(new Known(p.name(), Words.keys(p.name()), tok.get(c.from()).start()));
                else if (c.value() instanceof List<?> items)
                    for (Object o : items)
                        if (o instanceof Item it && !it.person().expanded() && Words.keys(it.person().name()).size() > 1)
                            confirmed.add(new Known(it.person().name(), Words.keys(it.person().name()), tok.get(c.from()).start()));
        for (Known k : confirmed)
            confirmedKeys.add(String.join(" ", k.words()));
        characterKeys.removeAll(confirmedKeys);
        resolving = true;
        for (List<Known> list : List.of(confirmed, propn))
            for (Known k : list) {
                Integer t = tokenAtChar.get(k.start());
                if (t != null && blocked(t, t + 1))
                    tainted.add(k.display());
            }
    }

    private boolean nameWord(int j) {
        Token t = tok.get(j);
        if (!t.capitalised() || stopnames.contains(t.norm()))
            return false;
        String s = t.text();
        for (int k = 0; k < s.length(); k++)
            if (Character.isDigit(s.charAt(k)))
                return false;
        return Character.isLetter(s.charAt(0));
    }

    private boolean particleInName(int j, int start) {
        return particles.contains(tok.get(j).norm()) && j + 1 < tok.size() && tok.get(j + 1).sentence() == tok.get(j).sentence()
                && nameWord(j + 1);
    }

    /** The span is a film, franchise, character or organisation the graph knows, and no person. */
    private boolean nonPersonName(int from, int to) {
        Gazetteer.Match m = gazByStart.get(tok.get(from).start());
        if (m == null || m.end() != tok.get(to - 1).end())
            return false;
        return m.of(Kind.PERSON).isEmpty();
    }

    private Optional<Person> resolvePerson(int from, int to, boolean allowSingle) {
        String shown = text.substring(tok.get(from).start(), tok.get(to - 1).end());
        List<String> w = Words.keys(shown);
        if (w.isEmpty())
            return Optional.empty();
        int at = tok.get(from).start();
        boolean single = to - from == 1 || tok.subList(from, to - 1).stream().allMatch(t -> particles.contains(t.norm()));
        if (resolving) {
            if (characterKeys.contains(String.join(" ", w)))
                return Optional.empty();
            Known k = nearest(confirmed, w, at, !single);
            if (k == null && single)
                k = nearest(propn, w, at, false);
            if (k != null && characterKeys.contains(String.join(" ", k.words())))
                return Optional.empty();
            if (k != null)
                return Optional.of(person(k.display(), !k.words().equals(w)));
        }
        if (!single)
            return Optional.of(person(shown, false));
        if (allowSingle && tok.get(from).pos().equals("PROPN"))
            return Optional.of(person(shown, false));
        if (!gaz.lookup(shown, Kind.PERSON).isEmpty())
            return Optional.of(person(shown, false));
        return Optional.empty();
    }

    /** The known full name ending in {@code w}: the last one before {@code at}, else the first after it. */
    private static Known nearest(List<Known> names, List<String> w, int at, boolean strictlyLonger) {
        Known before = null, after = null;
        for (Known k : names) {
            if (k.words().size() < w.size() || strictlyLonger && k.words().size() == w.size())
                continue;
            if (!k.words().subList(k.words().size() - w.size(), k.words().size()).equals(w))
                continue;
            if (k.start() <= at) {
                if (before == null || k.start() > before.start())
                    before = k;
            } else if (after == null || k.start() < after.start()) {
                after = k;
            }
        }
        return before != null ? before : after;
    }

    private Person person(String name, boolean expanded) {
        Optional<Entry> e = gaz.lookup(name, Kind.PERSON);
        return e.map(x -> new Person(x.label(), x.iri(), true, expanded))
                .orElseGet(() -> new Person(name, Iris.resource(Kind.PERSON, Slugs.of(name)), false, expanded));
    }

    // ------------------------------------------------------------------------------------------
    // Rules

    /** Slot candidates depend only on the slot, the token and whether the slot opens the pattern: computed once per pass. */
    private final Map<String, List<Cap>> slotCache = new HashMap<>();
    private List<Set<String>> sentenceWords;

    private List<Raw> applyRules() {
        slotCache.clear();
        if (sentenceWords == null) {
            sentenceWords = new ArrayList<>();
            for (Sentence s : analysis.sentences()) {
                Set<String> w = new HashSet<>();
                for (int i = s.from(); i < s.to(); i++) {
                    w.add(tok.get(i).norm());
                    w.add("~" + lemma(tok.get(i)));
                }
                sentenceWords.add(w);
            }
        }
        List<Raw> out = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            for (int si = 0; si < analysis.sentences().size(); si++) {
                Sentence s = analysis.sentences().get(si);
                if (!mayMatch(rule, sentenceWords.get(si)))
                    continue;
                for (int i = s.from(); i < s.to(); i++) {
                    List<Cap> caps = new ArrayList<>();
                    int end = match(rule.pattern(), 0, i, s, caps);
                    if (end < 0)
                        continue;
                    if (!NON_FACT.contains(rule.relation()) && slotsBlocked(rule, i, end, caps))
                        continue;
                    if (rule.relation().equals("starring") && otherFilmFollows(end, s))
                        continue;
                    if (rule.relation().equals("directedBy") && otherFilmBeforeCredit(directorCueStart(i, s), s))
                        continue; // "Jack Nicholson's Joker in Tim Burton's Batman (1989)": a part in another film
                    if (rule.relation().equals("starring") && Set.of("starring", "co-starring").contains(tok.get(i).norm())
                            && otherFilmBeforeCredit(i, s))
                        continue; // "Underworld (2003) starring X": the cast of another film
                    if ((rule.relation().equals("starring") || rule.relation().equals("directedBy")) && nameAsModifier(i, caps, s))
                        continue; // "hoping for a X cameo", "nails the X voice": the name qualifies a noun
                    if (rule.relation().equals("directedBy") && ownWorkAfterCue(caps))
                        continue; // "after X's Title (2007)", "best known for X's Title": X's other work, whatever film was chosen
                    if (rule.relation().equals("directedBy") && pronounForOtherTitle(i, end, s))
                        continue; // "we walked out of Title grumbling about X, who directed it": it = that title
                    out.add(new Raw(rule.relation(), rule.confidence(), i, end, List.copyOf(caps),
                            rule.pattern().stream().anyMatch(el -> el instanceof Rules.Possessive)));
                }
            }
        }
        return out;
    }

    /** Every required literal and lemma of the rule occurs in the sentence. */
    private static boolean mayMatch(Rule rule, Set<String> words) {
        for (Element e : rule.pattern()) {
            if (e instanceof Rules.Literal lit && !lit.optional() && lit.words().stream().noneMatch(words::contains))
                return false;
            if (e instanceof Rules.Lemma lem && lem.lemmas().stream().noneMatch(l -> words.contains("~" + l)))
                return false;
        }
        return true;
    }

    private boolean slotsBlocked(Rule rule, int from, int to, List<Cap> caps) {
        boolean anyObject = false;
        // "Character (Actor)": the parentheses credit the actor whatever the story's verb around them says
        boolean paren = rule.pattern().size() > 2 && rule.pattern().get(0) instanceof Rules.Slot c && c.name().startsWith("CHARACTER")
                && rule.pattern().get(1) instanceof Rules.Literal l && l.words().contains("(");
        boolean hasPerson = caps.stream().anyMatch(c -> c.slot().startsWith("PERSON"));
        for (Cap c : caps) {
            if (c.slot().equals("SELF") || c.slot().equals("APPOS"))
                continue;
            // "Tom Hardy takes over from Mel Gibson as Max": the actor decides, not the character after the cue.
            if (hasPerson && c.slot().startsWith("CHARACTER"))
                continue;
            anyObject = true;
            if (blocked(c.from(), c.to(), paren))
                return true;
        }
        return !anyObject && blocked(from, to, paren);
    }

    /** Matches {@code pattern[e..]} at token {@code i}; the end token (exclusive) or -1. Backtracks over slot lengths. */
    private int match(List<Element> pattern, int e, int i, Sentence s, List<Cap> caps) {
        if (e == pattern.size())
            return i;
        Element el = pattern.get(e);
        if (el instanceof Rules.LineStart) {
            boolean start = i < tok.size() && (i == 0 || tok.get(i - 1).line() != tok.get(i).line());
            return start ? match(pattern, e + 1, i, s, caps) : -1;
        }
        if (el instanceof Rules.LineEnd) {
            boolean end = i == tok.size() || i > 0 && tok.get(i).line() != tok.get(i - 1).line();
            return end ? match(pattern, e + 1, i, s, caps) : -1;
        }
        if (el instanceof Rules.NotAfter na) {
            boolean after = i > s.from() && na.words().contains(tok.get(i - 1).norm());
            return after ? -1 : match(pattern, e + 1, i, s, caps);
        }
        if (el instanceof Rules.Literal lit) {
            if (i < s.to() && lit.words().contains(tok.get(i).norm())) {
                int r = match(pattern, e + 1, i + 1, s, caps);
                if (r >= 0)
                    return r;
            }
            return lit.optional() ? match(pattern, e + 1, i, s, caps) : -1;
        }
        if (el instanceof Rules.Lemma lem)
            return i < s.to() && lem.lemmas().contains(lemma(tok.get(i))) ? match(pattern, e + 1, i + 1, s, caps) : -1;
        if (el instanceof Rules.Pos pos)
            return i < s.to() && tok.get(i).pos().equals(pos.tag()) ? match(pattern, e + 1, i + 1, s, caps) : -1;
        if (el instanceof Rules.Possessive)
            return i < s.to() && tok.get(i).possessive() ? match(pattern, e + 1, i + 1, s, caps) : -1;
        if (el instanceof Rules.Repeat rep) {
            for (int k = 0; k <= rep.max(); k++) {
                if (k >= rep.min()) {
                    int r = match(pattern, e + 1, i + k, s, caps);
                    if (r >= 0)
                        return r;
                }
                if (i + k >= s.to() || !repeatable(rep.kind(), tok.get(i + k)))
                    break;
            }
            return -1;
        }
        Rules.Slot slot = (Rules.Slot) el;
        boolean first = pattern.subList(0, e).stream().allMatch(x -> x instanceof Rules.NotAfter);
        String key = slot.name() + ':' + i + ':' + first;
        List<Cap> candidates = slotCache.get(key);
        if (candidates == null) {
            candidates = slotCandidates(slot.name(), i, s, first);
            slotCache.put(key, candidates);
        }
        for (Cap c : candidates) {
            caps.add(c);
            int r = match(pattern, e + 1, c.to(), s, caps);
            if (r >= 0)
                return r;
            caps.remove(caps.size() - 1);
        }
        return -1;
    }

    /** The token's lemma; irregular forms the rules file lists (has=have) first. */
    private String lemma(Token t) {
        String irregular = rules.irregular().get(t.norm());
        return irregular != null ? irregular : t.lemma();
    }

    private static boolean repeatable(String kind, Token t) {
        return switch (kind) {
            case "lower" -> t.lower() && t.word();
            // a modifier: a lower-case word that is no verb or preposition ("the grizzled", not "played by")
            // a gap inside a clause: no capitalised word (so no other name), no sentence end
            // ("are"/"were" would say the name is the last of a list: "Grint and Watson are ... as Ron")
            case "gap" -> t.lower() && t.word() && !t.norm().equals("are") && !t.norm().equals("were") || t.possessive() || !t.text().isEmpty() && Character.isDigit(t.text().charAt(0));
            case "mod" -> t.lower() && t.word() && !Set.of("VERB", "AUX", "ADP").contains(t.pos());
            case "any" -> !SENTENCE_ENDS.contains(t.norm());
            default -> t.pos().equals(kind);
        };
    }

    private List<Cap> slotCandidates(String slot, int i, Sentence s, boolean first) {
        if (i >= s.to())
            return slot.equals("APPOS") ? List.of(new Cap(slot, i, i, null)) : List.of();
        return switch (slot) {
            case "PERSON", "PERSON1" -> personCandidates(slot, i, s, first, slot.equals("PERSON1"));
            case "PERSONS" -> startsName(i, first) ? personList(i, s) : List.of();
            case "CHARACTER" -> characterCandidates(i, s, first);
            case "CHARACTERS" -> characterList(i, s);
            case "FILM" -> filmCandidates(i, s, false);
            case "FILMS" -> filmCandidates(i, s, true);
            case "FRANCHISE" -> franchiseCandidates(i);
            case "SELF" -> selfAt.containsKey(i) ? List.of(new Cap(slot, i, selfAt.get(i), film)) : List.of();
            case "ORG", "VIA" -> orgCandidates(slot, i, s);
            case "APPOS" -> apposCandidates(i, s);
            case "HIMHER" -> pronounCandidates(i);
            default -> List.of();
        };
    }

    private boolean startsName(int i, boolean first) {
        if (!first || i == 0)
            return true;
        Token prev = tok.get(i - 1);
        return prev.sentence() != tok.get(i).sentence() || !(nameWord(i - 1) || particles.contains(prev.norm()) && nameWord(i));
    }

    private boolean isSelf(int i) {
        if (selfAt.containsKey(i))
            return true;
        return titleSpan != null && i >= titleSpan[0] && i < titleSpan[1];
    }

    private List<Cap> personCandidates(String slot, int i, Sentence s, boolean first, boolean allowSingle) {
        if (!startsName(i, first) || isSelf(i))
            return List.of();
        int j = i;
        while (j < s.to() && j - i < 4 && (nameWord(j) || particleInName(j, i) || initial(j)))
            j++;
        List<Cap> out = new ArrayList<>();
        for (int end = j; end > i; end--) {
            if (particles.contains(tok.get(end - 1).norm()) || initial(end - 1))
                continue;
            if (nonPersonName(i, end))
                continue;
            Optional<Person> p = resolvePerson(i, end, allowSingle);
            if (p.isPresent())
                out.add(new Cap(slot, i, end, p.get()));
            if (!out.isEmpty())
                break;
        }
        return out;
    }

    private boolean initial(int j) {
        String t = tok.get(j).text();
        return INITIAL.matcher(t).matches() && j + 1 < tok.size() && nameWord(j + 1);
    }

    private List<Cap> personList(int i, Sentence s) {
        List<Item> items = new ArrayList<>();
        int j = i;
        int end = i;
        while (j < s.to()) {
            int k = j;
            int skipped = 0;
            // ", newcomer X" is skipped to the name; ", came after X" (a verb or preposition) starts another clause and
            // ", a New Zealander" is an apposition
            while (k < s.to() && tok.get(k).lower() && tok.get(k).word() && !tok.get(k).norm().equals("and") && skipped < 2
                    && !(j > i && (Set.of("VERB", "AUX", "ADP").contains(tok.get(k).pos()) || Set.of("a", "an").contains(tok.get(k).norm())))) {
                k++;
                skipped++;
            }
            List<Cap> p = personCandidates("PERSON", k, s, false, false);
            if (p.isEmpty() && k + 2 < s.to() && nameWord(k) && tok.get(k + 1).norm().equals("and")) {
                // "Anthony and Joe Russo": a first name that shares the surname of the name after "and"
                List<Cap> next = personCandidates("PERSON", k + 2, s, false, false);
                if (!next.isEmpty() && next.get(0).value() instanceof Person np && Words.keys(np.name()).size() >= 2) {
                    String[] parts = np.name().split("\\s+");
                    String shared = tok.get(k).text() + " " + parts[parts.length - 1];
                    p = List.of(new Cap("PERSON", k, k + 1, person(shared, false)));
                }
            }
            if (p.isEmpty())
                break;
            Cap pc = p.get(0);
            j = pc.to();
            String character = null;
            if (j < s.to() && tok.get(j).norm().equals("as")) {
                int c = j + 1;
                if (c < s.to() && Set.of("the", "a", "an", "her", "his", "their").contains(tok.get(c).norm()))
                    c++;
                for (int skip = 0; skip < 4 && c < s.to() && (tok.get(c).lower() && tok.get(c).word() && !tok.get(c).norm().equals("and")
                        || tok.get(c).norm().equals(",") && c + 1 < s.to() && tok.get(c + 1).lower()); skip++)
                    c++;
                List<Cap> cc = characterCandidates(c, s, false);
                if (!cc.isEmpty()) {
                    character = (String) cc.get(0).value();
                    j = cc.get(0).to();
                }
            }
            if (!blocked(pc.from(), pc.to()))
                items.add(new Item((Person) pc.value(), character));
            end = j;
            j = afterListSeparator(j, s);
            if (j == end)
                break;
        }
        return items.isEmpty() ? List.of() : List.of(new Cap("PERSONS", i, end, List.copyOf(items)));
    }

    private static final java.util.regex.Pattern ACRONYM = java.util.regex.Pattern.compile("[A-Z]{2,5}");

    private List<Cap> characterCandidates(int i, Sentence s, boolean first) {
        if (!startsName(i, first))
            return List.of();
        int j = i;
        while (j < s.to() && j - i < 6) {
            if (characterWord(j, i)) {
                j++;
            } else if (j > i && j + 3 < s.to() + 1 && QUOTES.contains(tok.get(j).norm()) && j + 2 < s.to()
                    && tok.get(j + 1).capitalised() && QUOTES.contains(tok.get(j + 2).norm()) && j + 3 < s.to() && characterWord(j + 3, i)) {
                j += 3; // a quoted nickname inside the name
            } else {
                break;
            }
        }
        int end = j;
        if (end == i || isSelf(i) || otherTitle != null && otherTitle[i])
            return List.of(); // "Brett Ratner's Rush Hour 3" is a film, not a character
        if (end < s.to() && tok.get(end).possessive()) {
            // "as Rain's ex Tyler", "as Apollo's widow Mary Anne Creed": the character is the name after the noun.
            int k = end + 1, lower = 0;
            while (k < s.to() && tok.get(k).lower() && tok.get(k).word() && lower < 3) {
                k++;
                lower++;
            }
            if (lower > 0 && k + 1 < s.to() && tok.get(k).norm().equals(","))
                k++;
            if (lower == 0 || k >= s.to() || !tok.get(k).capitalised())
                return List.of();
            List<Cap> inner = characterCandidates(k, s, false);
            return inner.isEmpty() ? List.of() : List.of(new Cap("CHARACTER", i, inner.get(0).to(), inner.get(0).value()));
        }
        if (end == i + 1 && ACRONYM.matcher(tok.get(i).text()).matches() && end < s.to() && tok.get(end).lower()
                && tok.get(end).pos().equals("NOUN")) {
            // "plays CIA director Robert Dewey", "is a TV statistician, Natalie Certain": the acronym modifies a noun
            // and the name after it is the character; with no name after it the acronym stays (the actor still counts)
            int k = end;
            while (k < s.to() && k - end < 2 && tok.get(k).lower() && tok.get(k).pos().equals("NOUN"))
                k++;
            if (k + 1 < s.to() && tok.get(k).norm().equals(","))
                k++;
            List<Cap> inner = k < s.to() && tok.get(k).capitalised() ? characterCandidates(k, s, false) : List.of();
            if (!inner.isEmpty())
                return List.of(new Cap("CHARACTER", i, inner.get(0).to(), inner.get(0).value()));
        }
        if (end < s.to() - 2 && tok.get(end).text().equals("(") && tok.get(end + 1).year())
            return List.of(); // a title, not a character
        if (end < s.to() && filmnouns.contains(tok.get(end).norm()))
            return List.of(); // "the Toy Story films"
        Gazetteer.Match m = gazByStart.get(tok.get(i).start());
        if (m != null && m.end() > tok.get(end - 1).end() && m.of(Kind.CHARACTER).isEmpty() && m.of(Kind.PERSON).isEmpty())
            return List.of(); // part of a longer known title
        if (resolving && confirmedKeys.contains(Words.key(text.substring(tok.get(i).start(), tok.get(end - 1).end()))))
            return List.of(); // a person the text names, not a character
        return List.of(new Cap("CHARACTER", i, end, text.substring(tok.get(i).start(), tok.get(end - 1).end())));
    }

    /**
     * "Her name is Laura ... Dafne Keen plays her": "him" or "her" at token {@code i} stands for the last
     * character named before it in this sentence or the one before (a name that is no person the text
     * names, no title and not the reviewed film).
     */
    private List<Cap> pronounCandidates(int i) {
        if (!resolving || !Set.of("him", "her").contains(tok.get(i).norm()))
            return List.of();
        if (i + 1 < tok.size() && tok.get(i + 1).lower() && Set.of("NOUN", "ADJ", "VERB").contains(tok.get(i + 1).pos()))
            return List.of(); // "plays her estranged younger brother, Christian": "her" is a determiner, not the character
        int si = tok.get(i).sentence();
        // The actor's own name ends just before the verb: the character is named before it, first in this
        // sentence ("led by Donald Pierce, ..., and Boyd Holbrook plays him"), else first in the one before.
        int actor = i - 2;
        while (actor > 0 && tok.get(actor - 1).capitalised() || actor > 0 && particles.contains(tok.get(actor - 1).norm()))
            actor--;
        Sentence own = analysis.sentences().get(si);
        Cap found = firstCharacterIn(own.from(), actor, i);
        if (found == null && si > 0)
            found = firstCharacterIn(analysis.sentences().get(si - 1).from(), analysis.sentences().get(si - 1).to(), i);
        return found == null ? List.of() : List.of(found);
    }

    private Cap firstCharacterIn(int from, int to, int pronoun) {
        for (int k = from; k < to; k++) {
            if (!tok.get(k).capitalised() || k > from && tok.get(k - 1).capitalised() && tok.get(k - 1).sentence() == tok.get(k).sentence())
                continue; // not the start of a capitalised run
            if (!tok.get(k).pos().equals("PROPN") || isSelf(k) || otherTitle[k] || stopnames.contains(tok.get(k).norm()))
                continue;
            Sentence ks = analysis.sentences().get(tok.get(k).sentence());
            List<Cap> cc = characterCandidates(k, ks, false);
            if (cc.isEmpty())
                continue;
            String name = (String) cc.get(0).value();
            List<String> w = Words.keys(name);
            if (confirmedKeys.contains(String.join(" ", w)) || nearest(confirmed, w, tok.get(k).start(), false) != null)
                continue; // a person
            Gazetteer.Match m = gazByStart.get(tok.get(k).start());
            if (m != null && m.of(Kind.CHARACTER).isEmpty() && m.of(Kind.PERSON).isEmpty())
                continue; // a film, franchise or organisation
            if (blocked(k, k + 1) || tok.get(k).start() + name.length() > tok.get(to - 1).end())
                continue;
            return new Cap("CHARACTER", pronoun, pronoun + 1, name);
        }
        return null;
    }

    /** Past the ", " and "and" that join the items of a list. */
    private int afterListSeparator(int j, Sentence s) {
        if (j < s.to() && tok.get(j).norm().equals(","))
            j++;
        if (j < s.to() && tok.get(j).norm().equals("and"))
            j++;
        return j;
    }

    /** "Uhura, Sulu and Chekov": two or more characters. */
    private List<Cap> characterList(int i, Sentence s) {
        List<String> names = new ArrayList<>();
        int j = i, end = i;
        while (j < s.to()) {
            List<Cap> c = characterCandidates(j, s, false);
            if (c.isEmpty())
                break;
            names.add((String) c.get(0).value());
            end = c.get(0).to();
            j = end;
            j = afterListSeparator(j, s);
            if (j == end)
                break;
        }
        return names.size() < 2 ? List.of() : List.of(new Cap("CHARACTERS", i, end, List.copyOf(names)));
    }

    private boolean characterWord(int j, int start) {
        Token t = tok.get(j);
        if (!t.capitalised())
            return false;
        String n = t.norm();
        if (j == start && stopnames.contains(n) && !n.equals("mr.") && !n.equals("dr."))
            return false;
        return j == start || !stopnames.contains(n) || n.equals("of");
    }

    private List<Cap> filmCandidates(int i, Sentence s, boolean pair) {
        List<Cap> out = new ArrayList<>();
        int j = i;
        if (j < s.to() && tok.get(j).norm().equals("the"))
            j++;
        // Ordinals: "the third John Wick film", "the third and fourth John Wick films"
        int o1 = j < s.to() ? ordinals.indexOf(tok.get(j).norm()) : -1;
        if (o1 >= 0) {
            int k = j + 1;
            int o2 = -1;
            if (pair && k + 1 < s.to() && tok.get(k).norm().equals("and") && ordinals.contains(tok.get(k + 1).norm())) {
                o2 = ordinals.indexOf(tok.get(k + 1).norm());
                k += 2;
            }
            if (k < s.to()) {
                Gazetteer.Match m = gazByStart.get(tok.get(k).start());
                if (m != null && m.of(Kind.FRANCHISE).isPresent()) {
                    int after = tokenEnding(m.end(), k);
                    if (after < s.to() && filmnouns.contains(tok.get(after).norm())) {
                        String f = m.of(Kind.FRANCHISE).get().iri();
                        Optional<Entry> a = gaz.ordinal(f, o1 + 1);
                        Optional<Entry> b = o2 >= 0 ? gaz.ordinal(f, o2 + 1) : Optional.empty();
                        if (!pair && a.isPresent())
                            out.add(new Cap("FILM", i, after + 1, a.get()));
                        if (pair && a.isPresent() && b.isPresent())
                            out.add(new Cap("FILMS", i, after + 1, List.of(a.get(), b.get())));
                    }
                }
            }
            return out;
        }
        Cap one = gazFilm(j, s);
        if (one == null && j > i)
            one = gazFilm(i, s); // "The Avengers", "The Terminator": the article is part of the title
        if (one == null)
            return out;
        if (!pair)
            return List.of(new Cap("FILM", i, one.to(), one.value()));
        int k = one.to();
        if (k < s.to() && tok.get(k).norm().equals("and")) {
            int k2 = k + 1;
            if (k2 < s.to() && tok.get(k2).norm().equals("the"))
                k2++;
            Cap two = gazFilm(k2, s);
            if (two == null && k2 > k + 1)
                two = gazFilm(k + 1, s);
            if (two != null)
                out.add(new Cap("FILMS", i, two.to(), List.of(one.value(), two.value())));
        }
        return out;
    }

    private Cap gazFilm(int j, Sentence s) {
        if (j >= s.to())
            return null;
        Gazetteer.Match m = gazByStart.get(tok.get(j).start());
        if (m == null)
            return null;
        List<Entry> films = m.entries().stream().filter(e -> e.kind() == Kind.FILM && !e.iri().equals(film.id())).toList();
        if (films.isEmpty())
            return null;
        int end = tokenEnding(m.end(), j);
        Entry pick = films.get(0);
        if (end + 2 < s.to() && tok.get(end).text().equals("(") && tok.get(end + 1).year() && tok.get(end + 2).text().equals(")")) {
            int y = Integer.parseInt(tok.get(end + 1).text());
            pick = films.stream().filter(f -> f.year() != null && f.year() == y).findFirst().orElse(pick);
            end += 3;
        }
        return new Cap("FILM", j, end, pick);
    }

    private List<Cap> franchiseCandidates(int i) {
        Gazetteer.Match m = gazByStart.get(tok.get(i).start());
        if (m == null || m.of(Kind.FRANCHISE).isEmpty())
            return List.of();
        return List.of(new Cap("FRANCHISE", i, tokenEnding(m.end(), i), m.of(Kind.FRANCHISE).get()));
    }

    private List<Cap> orgCandidates(String slot, int i, Sentence s) {
        if (!tok.get(i).word() || tok.get(i).lower() || CREDIT_WORDS.contains(tok.get(i).norm()))
            return List.of();
        int j = i;
        while (j < s.to() && !orgStop(j))
            j++;
        List<Cap> out = new ArrayList<>();
        for (int end = j; end > i; end--)
            out.add(new Cap(slot, i, end, text.substring(tok.get(i).start(), tok.get(end - 1).end())));
        return out;
    }

    private boolean orgStop(int j) {
        Token t = tok.get(j);
        String n = t.norm();
        if (n.equals(",") && j + 1 < tok.size() && Set.of("ltd.", "ltd", "inc.", "inc", "llc", "plc").contains(tok.get(j + 1).norm()))
            return false; // "Toho Co., Ltd."
        if (n.equals("via") || n.equals("|") || n.equals(",") || n.equals(";") || n.equals("(") || n.equals(")"))
            return true;
        return n.equals("/") && j > 0 && tok.get(j - 1).end() < t.start();
    }

    private List<Cap> apposCandidates(int i, Sentence s) {
        List<Cap> out = new ArrayList<>();
        out.add(new Cap("APPOS", i, i, null));
        if (tok.get(i).norm().equals(",") && i + 1 < s.to() && !Set.of("and", "but", "or", "while").contains(tok.get(i + 1).norm())) {
            int j = i + 1;
            int depth = 0;
            while (j < s.to() && j - i <= 24) {
                String n = tok.get(j).norm();
                if (n.equals("("))
                    depth++;
                else if (n.equals(")"))
                    depth--;
                else if (n.equals(",") && depth <= 0) {
                    out.add(new Cap("APPOS", i, j + 1, null));
                    break;
                }
                j++;
            }
        }
        return out;
    }

    /** Letters end with a valediction line ("With love,") and a line with only the author's name. */
    private List<Raw> valedictions() {
        List<Raw> out = new ArrayList<>();
        List<int[]> lines = analysis.lines();
        String previous = null;
        for (int[] line : lines) {
            String l = text.substring(line[0], line[1]).strip();
            if (l.isEmpty())
                continue;
            if (previous != null) {
                String v = Token.normalise(previous).replaceAll("[,.!]+$", "").strip();
                boolean valediction = rules.cues("valedictions").stream().anyMatch(p -> String.join(" ", p).equals(v));
                Integer from = tokenAtChar.get(line[0] + text.substring(line[0], line[1]).indexOf(l));
                if (valediction && from != null) {
                    Sentence s = analysis.sentences().get(tok.get(from).sentence());
                    for (Cap c : personCandidates("PERSON", from, s, false, false))
                        if (c.to() == s.to() && s.end() >= line[0] + text.substring(line[0], line[1]).stripTrailing().length())
                            out.add(new Raw("reviewedBy", 0.85, from, c.to(), List.of(c)));
                }
            }
            previous = l;
        }
        return out;
    }

    /**
     * A line that is nothing but a person's full name, in the lines above the first paragraph or among
     * the last three lines: a byline without "By" ("Gus Ferreira" under the title, "Beatrix Holm" above
     * the image credit).
     */
    private List<Raw> nameLines() {
        List<Raw> out = new ArrayList<>();
        List<int[]> nonBlank = new ArrayList<>();
        for (int[] line : analysis.lines())
            if (!text.substring(line[0], line[1]).isBlank())
                nonBlank.add(line);
        for (int n = 0; n < nonBlank.size(); n++) {
            int[] line = nonBlank.get(n);
            boolean top = true;
            for (int m = 0; m <= n && top; m++)
                top = Words.of(text.substring(nonBlank.get(m)[0], nonBlank.get(m)[1])).size() <= 16;
            if (!top && n < nonBlank.size() - 3)
                continue;
            String l = text.substring(line[0], line[1]);
            Integer from = tokenAtChar.get(line[0] + (l.length() - l.stripLeading().length()));
            if (from == null || isSelf(from))
                continue;
            Sentence s = analysis.sentences().get(tok.get(from).sentence());
            int lineEnd = from;
            while (lineEnd < tok.size() && tok.get(lineEnd).line() == tok.get(from).line())
                lineEnd++;
            for (Cap c : personCandidates("PERSON", from, s, false, false))
                if (c.to() == lineEnd && c.to() - c.from() >= 2 && c.value() instanceof Person p && !p.expanded())
                    out.add(new Raw("reviewedBy", 0.85, from, c.to(), List.of(c)));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------
    // Statements

    private record Fact(String predicate, String object, String objectId, Kind kind, boolean known, String character,
                        String characterId, boolean characterKnown, String via, String viaId, boolean viaKnown,
                        int from, int to, double confidence) {}

    /** directedBy facts from "X's film" alone: an actor's possessive of the title is their character ("Jackman's Logan"). */
    private final Set<Fact> possessiveOnly = new HashSet<>();
    /**
     * starring facts from an "Actor's Character" possessive alone: reviews name earlier films' parts that way as often as
     * this film's ("Jack Nicholson's Joker, of course, is dead and gone"), so one counts only for an actor whom another
     * casting shape ties to this film.
     */
    private final Set<Fact> possessiveStarring = new HashSet<>();

    private Extraction build(List<Raw> raws) {
        List<Fact> facts = new ArrayList<>();
        Map<String, Double> franchiseScore = new HashMap<>();
        Map<String, Fact> franchiseEvidence = new HashMap<>();
        List<Raw> spinOffs = new ArrayList<>();
        for (Raw r : raws) {
            int from = tok.get(r.from()).start(), to = tok.get(r.to() - 1).end();
            switch (r.relation()) {
                case "directedBy", "reviewedBy" -> {
                    for (Cap c : r.caps()) {
                        List<Person> people = new ArrayList<>();
                        if (c.value() instanceof Person p)
                            people.add(p);
                        else if (c.value() instanceof List<?> items) // "directed by A, B and C"
                            for (Object o : items)
                                if (o instanceof Item it && it.character() == null)
                                    people.add(it.person());
                        for (Person p : people)
                            if (!(r.confidence() < WEAK && tainted.contains(p.name()))) {
                                Fact f = personFact(r.relation(), p, null, from, to, r.confidence());
                                facts.add(f);
                                if (r.possessive() && r.relation().equals("directedBy"))
                                    possessiveOnly.add(f);
                            }
                    }
                }
                case "starring" -> {
                    List<Person> persons = new ArrayList<>();
                    List<String> chars = new ArrayList<>();
                    List<Item> listed = new ArrayList<>();
                    for (Cap c : r.caps()) {
                        if (c.value() instanceof Person p)
                            persons.add(p);
                        else if (c.slot().equals("CHARACTER"))
                            chars.add((String) c.value());
                        else if (c.slot().equals("CHARACTERS"))
                            for (Object o : (List<?>) c.value())
                                chars.add((String) o);
                        else if (c.value() instanceof List<?> items)
                            for (Object o : items)
                                if (o instanceof Item it)
                                    listed.add(it);
                    }
                    if (!listed.isEmpty() && chars.size() == listed.size() && listed.stream().allMatch(it -> it.character() == null)) {
                        // "A, B and the late C round out the crew as X, Y and Z"
                        for (int k = 0; k < listed.size(); k++)
                            facts.add(personFact("starring", listed.get(k).person(), chars.get(k), from, to, r.confidence()));
                    } else {
                        for (Item it : listed)
                            facts.add(personFact("starring", it.person(), it.character(), from, to, r.confidence()));
                    }
                    for (int k = 0; k < persons.size(); k++) {
                        String ch = chars.size() == persons.size() ? chars.get(k) : persons.size() == 1 && !chars.isEmpty() ? chars.get(0) : null;
                        Fact f = personFact("starring", persons.get(k), ch, from, to, r.confidence());
                        facts.add(f);
                        if (r.possessive() && (bygone(r) || commonNounAfter(r)))
                            possessiveStarring.add(f);
                    }
                }
                case "creditedTo" -> {
                    String org = null, via = null;
                    for (Cap c : r.caps()) {
                        if (c.slot().equals("ORG"))
                            org = (String) c.value();
                        if (c.slot().equals("VIA"))
                            via = (String) c.value();
                    }
                    if (org != null) {
                        Entry oe = orgEntry(org), ve = via == null ? null : orgEntry(via);
                        facts.add(new Fact("creditedTo", oe != null ? oe.label() : org, oe != null ? oe.iri() : Iris.resource(Kind.ORGANIZATION, Slugs.of(org)),
                                Kind.ORGANIZATION, oe != null, null, null, false, via == null ? null : ve != null ? ve.label() : via,
                                via == null ? null : ve != null ? ve.iri() : Iris.resource(Kind.ORGANIZATION, Slugs.of(via)), ve != null,
                                from, to, r.confidence()));
                    }
                }
                case "partOfFranchise" -> {
                    for (Cap c : r.caps())
                        if (c.value() instanceof Entry f && f.kind() == Kind.FRANCHISE)
                            franchiseVote(franchiseScore, franchiseEvidence, f, 2, from, to, r.confidence());
                }
                case "spinOffOf" -> {
                    spinOffs.add(r);
                    for (Cap c : r.caps())
                        if (c.value() instanceof Entry f && f.kind() == Kind.FRANCHISE)
                            franchiseVote(franchiseScore, franchiseEvidence, f, 2, from, to, r.confidence());
                }
                case "setAfter", "setBefore", "setBetween" -> {
                    List<Entry> films = new ArrayList<>();
                    for (Cap c : r.caps()) {
                        if (c.value() instanceof Entry e)
                            films.add(e);
                        else if (c.value() instanceof List<?> l)
                            for (Object o : l)
                                films.add((Entry) o);
                    }
                    if (r.relation().equals("setBetween") && films.size() == 2) {
                        facts.add(filmFact("setAfter", films.get(0), from, to, r.confidence()));
                        facts.add(filmFact("setBefore", films.get(1), from, to, r.confidence()));
                    } else if (!r.relation().equals("setBetween")) {
                        for (Entry f : films) // "a sequel to both A and B"
                            facts.add(filmFact(r.relation(), f, from, to, r.confidence()));
                    }
                    for (Entry f : films)
                        if (f.franchise() != null)
                            gaz.entry(f.franchise()).ifPresent(fr -> franchiseVote(franchiseScore, franchiseEvidence, fr, 2, from, to, Math.min(0.8, r.confidence())));
                }
                default -> { }
            }
        }
        // The franchise named inside the film's own title ("Rogue One: A Star Wars Story"), or the graph's own knowledge.
        Evidence titleEv = film.evidence();
        for (Gazetteer.Match m : gazByStart.values()) {
            if (m.start() >= titleEv.start() && m.end() <= titleEv.end() && m.of(Kind.FRANCHISE).isPresent())
                franchiseVote(franchiseScore, franchiseEvidence, m.of(Kind.FRANCHISE).get(), 3, titleEv.start(), titleEv.end(), 0.85);
        }
        if (film.inGraph()) {
            Optional<Entry> known = gaz.entry(film.id()).map(Entry::franchise).flatMap(gaz::entry);
            if (known.isPresent()) {
                Entry f = known.get();
                franchiseScore.merge(f.iri(), 5.0, Double::sum);
                // The graph already says so; the text's evidence is the title when it names the franchise ("Mad Max: Fury Road").
                String title = " " + Words.key(titleEv.text()) + " ";
                if (title.contains(" " + Words.key(f.label()) + " ")) {
                    Fact fact = new Fact("partOfFranchise", f.label(), f.iri(), Kind.FRANCHISE, true, null, null, false, null, null, false,
                            titleEv.start(), titleEv.end(), 0.85);
                    franchiseEvidence.merge(f.iri(), fact, (a, b) -> b.confidence() > a.confidence() ? b : a);
                }
            }
        }
        String franchise = franchiseScore.entrySet().stream().filter(e -> franchiseEvidence.containsKey(e.getKey()))
                .max(Comparator.comparingDouble((Map.Entry<String, Double> e) -> e.getValue()).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
        // A character the graph knows from another franchise only is a namesake ("Eve" in a Bond film is not Eve Macarro).
        String filmFranchise = film.inGraph() ? gaz.entry(film.id()).map(Entry::franchise).orElse(franchise) : franchise;
        for (int k = 0; k < facts.size(); k++) {
            Fact f = facts.get(k);
            if (f.characterKnown()) {
                Set<String> in = gaz.franchisesOf(f.characterId());
                if (!in.isEmpty() && (filmFranchise == null || !in.contains(filmFranchise)))
                    facts.set(k, new Fact(f.predicate(), f.object(), f.objectId(), f.kind(), f.known(), f.character(),
                            Iris.resource(Kind.CHARACTER, Slugs.of(f.character())), false, f.via(), f.viaId(), f.viaKnown(),
                            f.from(), f.to(), f.confidence()));
            }
        }
        if (franchise != null) {
            facts.add(franchiseEvidence.get(franchise));
            for (Raw r : spinOffs) {
                int after = r.to();
                if (r.caps().isEmpty() && after + 1 < tok.size() && tok.get(after).norm().equals(",") && tok.get(after + 1).capitalised()
                        && tok.get(after + 1).sentence() == tok.get(r.from()).sentence() && !isSelf(after + 1))
                    continue; // the spin-off is another film, named right after

                Entry target = r.caps().stream().map(Cap::value).filter(v -> v instanceof Entry).map(v -> (Entry) v).findFirst()
                        .orElseGet(() -> gaz.entry(franchise).orElseThrow());
                facts.add(new Fact("spinOffOf", target.label(), target.iri(), target.kind(), true, null, null, false, null, null, false,
                        tok.get(r.from()).start(), tok.get(r.to() - 1).end(), r.confidence()));
            }
        }
        return assemble(facts);
    }

    private void franchiseVote(Map<String, Double> score, Map<String, Fact> evidence, Entry f, double weight, int from, int to, double conf) {
        score.merge(f.iri(), weight, Double::sum);
        Fact fact = new Fact("partOfFranchise", f.label(), f.iri(), Kind.FRANCHISE, true, null, null, false, null, null, false, from, to, conf);
        evidence.merge(f.iri(), fact, (a, b) -> b.confidence() > a.confidence() || b.confidence() == a.confidence() && b.from() < a.from() ? b : a);
    }

    private Entry orgEntry(String name) {
        return gaz.lookup(name).stream().filter(e -> e.kind() == Kind.ORGANIZATION || e.kind() == Kind.PERSON).findFirst().orElse(null);
    }

    private Fact personFact(String predicate, Person p, String character, int from, int to, double conf) {
        double c = p.expanded() ? conf * 0.95 : conf;
        String charId = null;
        String charLabel = character;
        boolean charKnown = false;
        if (character != null) {
            Optional<Entry> ce = gaz.lookup(character, Kind.CHARACTER);
            charKnown = ce.isPresent();
            charId = ce.map(Entry::iri).orElseGet(() -> Iris.resource(Kind.CHARACTER, Slugs.of(character)));
        }
        return new Fact(predicate, p.name(), p.iri(), Kind.PERSON, p.known(), charLabel, charId, charKnown, null, null, false, from, to, c);
    }

    private Fact filmFact(String predicate, Entry f, int from, int to, double conf) {
        return new Fact(predicate, f.label(), f.iri(), Kind.FILM, true, null, null, false, null, null, false, from, to, conf);
    }

    private Extraction assemble(List<Fact> facts) {
        // One statement per predicate and object (and character): the most confident, then the earliest.
        Map<String, Fact> best = new LinkedHashMap<>();
        facts.sort(Comparator.comparingInt(Fact::from));
        for (Fact f : facts) {
            if (f.objectId() != null && f.objectId().equals(film.id()))
                continue;
            String key = f.predicate() + " " + f.objectId() + " " + f.characterId();
            best.merge(key, f, (a, b) -> b.confidence() > a.confidence() || b.via() != null && a.via() == null ? b : a);
        }
        Set<String> castElsewhere = new HashSet<>();
        for (Fact f : facts)
            if (f.predicate().equals("starring") && !possessiveStarring.contains(f))
                castElsewhere.add(f.objectId());
        best.values().removeIf(f -> f.predicate().equals("starring") && possessiveStarring.contains(f) && !castElsewhere.contains(f.objectId()));
        Set<String> withCharacter = new HashSet<>();
        Map<String, List<Fact>> charactersOf = new HashMap<>();
        Set<String> directors = new HashSet<>();
        for (Fact f : best.values()) {
            if (f.predicate().equals("starring") && f.characterId() != null) {
                withCharacter.add(f.objectId());
                charactersOf.computeIfAbsent(f.objectId(), k -> new ArrayList<>()).add(f);
            }
            if (f.predicate().equals("directedBy"))
                directors.add(f.objectId());
        }
        // One character, two actors from overlapping evidence ("McAvoy and Fassbender return as the young Xavier
        // and Lehnsherr" also reads "Fassbender return as the young Xavier"): the stronger reading wins.
        Set<Fact> overruled = new HashSet<>();
        for (Fact a : best.values())
            for (Fact b : best.values())
                if (a != b && a.predicate().equals("starring") && b.predicate().equals("starring") && a.characterId() != null
                        && a.characterId().equals(b.characterId()) && !a.objectId().equals(b.objectId())
                        && b.from() <= a.from() && a.to() <= b.to() && b.confidence() > a.confidence())
                    overruled.add(a);
        Set<String> viaKnownFor = new HashSet<>();
        for (Fact f : best.values())
            if (f.predicate().equals("creditedTo") && f.via() != null)
                viaKnownFor.add(f.objectId());
        List<Statement> statements = new ArrayList<>();
        Map<String, NewName> newNames = new LinkedHashMap<>();
        if (!film.inGraph())
            newNames.put(film.id(), new NewName(film.id(), Kind.FILM.segment(), film.title()));
        Set<String> reviewers = new HashSet<>();
        for (Fact f : best.values())
            if (f.predicate().equals("reviewedBy"))
                reviewers.add(f.objectId());
        List<Fact> ordered = new ArrayList<>(best.values());
        ordered.sort(Comparator.comparingInt(ExtractionRun::order).thenComparingInt(Fact::from));
        for (Fact f : ordered) {
            if (f.predicate().equals("directedBy") && possessiveOnly.contains(f) && withCharacter.contains(f.objectId()))
                continue;
            if (overruled.contains(f))
                continue;
            if (f.predicate().equals("starring") && f.characterId() == null
                    && (withCharacter.contains(f.objectId()) || directors.contains(f.objectId())))
                continue;
            if (f.predicate().equals("starring") && f.characterId() != null && charactersOf.get(f.objectId()).stream()
                    .anyMatch(o -> o != f && o.character().length() > f.character().length() && EvalScore.sameCharacter(o.character(), f.character())))
                continue; // "Ehrenreich's Han" after "Alden Ehrenreich plays Han Solo"
            if (f.predicate().equals("starring") && reviewers.contains(f.objectId()))
                continue;
            if (f.predicate().equals("creditedTo") && f.via() == null && viaKnownFor.contains(f.objectId()))
                continue;
            if (!f.known())
                newNames.putIfAbsent(f.objectId(), new NewName(f.objectId(), f.kind().segment(), f.object()));
            if (f.characterId() != null && !f.characterKnown())
                newNames.putIfAbsent(f.characterId(), new NewName(f.characterId(), Kind.CHARACTER.segment(), f.character()));
            if (f.viaId() != null && !f.viaKnown())
                newNames.putIfAbsent(f.viaId(), new NewName(f.viaId(), Kind.ORGANIZATION.segment(), f.via()));
            boolean image = f.predicate().equals("creditedTo");
            statements.add(new Statement(image ? "feature image" : subjectDisplay, f.predicate(), f.object(), f.character(), f.via(),
                    Evidence.of(text, f.from(), f.to()), round(f.confidence()), image ? null : film.id(), f.objectId(),
                    f.characterId(), f.viaId()));
        }
        return new Extraction(film, statements, List.copyOf(newNames.values()));
    }

    private static int order(Fact f) {
        return switch (f.predicate()) {
            case "partOfFranchise" -> 0;
            case "spinOffOf" -> 1;
            case "setAfter" -> 2;
            case "setBefore" -> 3;
            case "directedBy" -> 4;
            case "starring" -> 5;
            case "reviewedBy" -> 6;
            default -> 7;
        };
    }

    private static double round(double d) {
        return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
