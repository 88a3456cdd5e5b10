package org.reelgraph.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Lines, sentences, tokens, parts of speech and lemmas of a text, from the OpenNLP English models
 * that Maven Central ships (loaded from the classpath, never the network). The models are shared;
 * the OpenNLP {@code ...ME} classes are not thread-safe, so each thread gets its own.
 */
final class TextAnalyzer {
    static final String SENTENCE_MODEL = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKEN_MODEL = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    static final String POS_MODEL = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    static final String LEMMA_MODEL = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

    /** A sentence ending in one of these is not finished ("Michael B.", "J.K.", "Mr."). */
    private static final Pattern UNFINISHED = Pattern.compile("(?:^|[\\s(])(?:\\p{Lu}\\.|\\p{Lu}\\.\\p{Lu}\\.?|Mr\\.|Mrs\\.|Ms\\.|Dr\\.|St\\.|Jr\\.|Sr\\.|vs\\.|Bros\\.|Inc\\.|Co\\.|Ltd\\.|Corp\\.|Mt\\.|Vol\\.|Pt\\.|Ep\\.)$");
    private static final Pattern ABBREVIATION = Pattern.compile("\\p{Lu}|\\p{Lu}\\.\\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|Bros|Inc|Co|Ltd|Corp|Mt|Vol|Pt|Ep");

    private final ThreadLocal<SentenceDetectorME> sentences;
    private final ThreadLocal<TokenizerME> tokenizer;
    private final ThreadLocal<POSTaggerME> tagger;
    private final ThreadLocal<LemmatizerME> lemmatizer;

    TextAnalyzer() {
        SentenceModel sm = load(SENTENCE_MODEL, SentenceModel::new);
        TokenizerModel tm = load(TOKEN_MODEL, TokenizerModel::new);
        POSModel pm = load(POS_MODEL, POSModel::new);
        LemmatizerModel lm = load(LEMMA_MODEL, LemmatizerModel::new);
        sentences = ThreadLocal.withInitial(() -> new SentenceDetectorME(sm));
        tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(tm));
        tagger = ThreadLocal.withInitial(() -> new POSTaggerME(pm));
        lemmatizer = ThreadLocal.withInitial(() -> new LemmatizerME(lm));
    }

    private interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }

    private static <M> M load(String resource, ModelReader<M> reader) {
        try (InputStream in = TextAnalyzer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath: add the "
                        + "org.apache.opennlp:opennlp-models-*-en:1.3.0 dependencies");
            return reader.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read OpenNLP model " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The analysed text. */
    record Analysis(String text, List<Token> tokens, List<Sentence> sentences, List<int[]> lines) {}

    Analysis analyse(String text) {
        return analyse(text, null);
    }

    /**
     * @param lemmaPrefixes when not null, only tokens starting with one of these (lower-case) stems
     *                      are lemmatised by the model (in a five-token window); the others keep their
     *                      lower-cased text. The lemmatizer is by far the slowest model, and the rules
     *                      ask for the lemmas of a few verbs only.
     */
    Analysis analyse(String text, Set<String> lemmaPrefixes) {
        List<Token> tokens = new ArrayList<>();
        List<Sentence> sents = new ArrayList<>();
        List<int[]> lines = new ArrayList<>();
        int lineStart = 0;
        int lineNo = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            lines.add(new int[] {lineStart, lineEnd});
            String line = text.substring(lineStart, lineEnd);
            if (!line.isBlank())
                analyseLine(text, line, lineStart, lineNo, tokens, sents, lemmaPrefixes);
            lineNo++;
            if (nl < 0)
                break;
            lineStart = nl + 1;
        }
        return new Analysis(text, List.copyOf(tokens), List.copyOf(sents), List.copyOf(lines));
    }

    private void analyseLine(String text, String line, int offset, int lineNo, List<Token> tokens, List<Sentence> sents,
                             Set<String> lemmaPrefixes) {
        List<int[]> spans = new ArrayList<>();
        for (Span s : sentences.get().sentPosDetect(line)) {
            if (!spans.isEmpty() && UNFINISHED.matcher(line.substring(spans.get(spans.size() - 1)[0], spans.get(spans.size() - 1)[1])).find())
                spans.get(spans.size() - 1)[1] = s.getEnd();
            else
                spans.add(new int[] {s.getStart(), s.getEnd()});
        }
        if (spans.isEmpty())
            spans.add(new int[] {0, line.length()});
        for (int[] span : spans) {
            String sentence = line.substring(span[0], span[1]);
            List<int[]> ts = refine(sentence, tokenizer.get().tokenizePos(sentence));
            if (ts.isEmpty())
                continue;
            String[] words = new String[ts.size()];
            for (int i = 0; i < words.length; i++)
                words[i] = sentence.substring(ts.get(i)[0], ts.get(i)[1]);
            String[] pos = tagger.get().tag(words);
            String[] lemmas = lemmaPrefixes == null ? lemmatizer.get().lemmatize(words, pos) : lemmas(words, pos, lemmaPrefixes);
            int from = tokens.size();
            int sentNo = sents.size();
            int base = offset + span[0];
            for (int i = 0; i < words.length; i++)
                tokens.add(new Token(words[i], base + ts.get(i)[0], base + ts.get(i)[1], pos[i], lemmas[i].toLowerCase(java.util.Locale.ROOT), sentNo, lineNo));
            sents.add(new Sentence(from, tokens.size(), base, offset + span[1], lineNo));
        }
        assert text.regionMatches(offset, line, 0, line.length());
    }

    private String[] lemmas(String[] words, String[] pos, Set<String> prefixes) {
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            String w = words[i].toLowerCase(java.util.Locale.ROOT);
            out[i] = w;
            boolean wanted = false;
            for (String stem : prefixes)
                wanted |= w.startsWith(stem) && !w.equals(stem); // a bare stem ("have", "star") is its own lemma
            if (!wanted)
                continue;
            int from = Math.max(0, i - 2), to = Math.min(words.length, i + 3);
            String[] lw = java.util.Arrays.copyOfRange(words, from, to);
            String[] lp = java.util.Arrays.copyOfRange(pos, from, to);
            String lemma = lemmatizer.get().lemmatize(lw, lp)[i - from];
            out[i] = lemma.equals("O") ? w : lemma;
        }
        return out;
    }

    /**
     * Makes OpenNLP's tokens fit names and cues: splits a possessive off ("Armas’s" → "Armas" "’s",
     * "Reeves’" → "Reeves" "’") and a negation ("doesn't" → "does" "n't", "won't" → "wo" "n't", which the
     * tokenizer keeps whole although its treebank splits them), joins hyphenated words ("Waller" "-Bridge", "spin" "-" "off") and
     * initials and titles with their full stop ("B" "." → "B.", "Mr" "." → "Mr.").
     */
    static List<int[]> refine(String s, Span[] spans) {
        List<int[]> out = new ArrayList<>();
        for (Span sp : spans) {
            int a = sp.getStart(), b = sp.getEnd();
            String t = s.substring(a, b);
            int len = t.length();
            if (len > 2 && (t.endsWith("’s") || t.endsWith("'s")) && Character.isLetterOrDigit(t.charAt(len - 3))) {
                out.add(new int[] {a, b - 2});
                out.add(new int[] {b - 2, b});
            } else if (len > 2 && (t.endsWith("’") || t.endsWith("'")) && t.charAt(len - 2) == 's') {
                out.add(new int[] {a, b - 1});
                out.add(new int[] {b - 1, b});
            } else if (Token.negationAt(t) > 0) {
                out.add(new int[] {a, a + Token.negationAt(t)});
                out.add(new int[] {a + Token.negationAt(t), b});
            } else {
                out.add(new int[] {a, b});
            }
        }
        List<int[]> merged = new ArrayList<>();
        for (int[] t : out) {
            if (!merged.isEmpty()) {
                int[] prev = merged.get(merged.size() - 1);
                String p = s.substring(prev[0], prev[1]);
                String c = s.substring(t[0], t[1]);
                boolean touching = prev[1] == t[0];
                boolean hyphen = touching && (c.startsWith("-") && c.length() > 1 && Character.isLetterOrDigit(c.charAt(1))
                        || p.endsWith("-") && p.length() > 1 && Character.isLetterOrDigit(c.charAt(0))
                        || c.equals("-") && Character.isLetterOrDigit(p.charAt(p.length() - 1)) && t[1] < s.length() && Character.isLetterOrDigit(s.charAt(t[1])));
                boolean initial = touching && c.equals(".") && ABBREVIATION.matcher(p).matches();
                if (hyphen || initial) {
                    prev[1] = t[1];
                    continue;
                }
            }
            merged.add(new int[] {t[0], t[1]});
        }
        return merged;
    }
}
