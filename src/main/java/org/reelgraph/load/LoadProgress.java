package org.reelgraph.load;

import java.io.PrintWriter;

import org.reelgraph.importer.ProgressBar;

/**
 * Progress of a bulk load: triples/s and an ETA from the bytes read of the input, as a
 * {@link ProgressBar} (a bar on a terminal, a plain line every {@code plainEverySeconds} otherwise).
 * Phases after parsing (indexes, SHACL) get a line each.
 */
public final class LoadProgress {
    private final PrintWriter out;
    private final boolean terminal;
    private final ProgressBar bar;
    private long totalBytes;
    private long phaseNanos = System.nanoTime();
    private long triples;

    public LoadProgress(PrintWriter out, boolean terminal, long plainEverySeconds) {
        this.out = out;
        this.terminal = terminal;
        this.bar = new ProgressBar(out, terminal, plainEverySeconds);
    }

    /** Bar on a terminal ({@code System.console() != null}), a line every 10 s otherwise. */
    public LoadProgress(PrintWriter out, boolean terminal) {
        this(out, terminal, 10);
    }

    public static LoadProgress quiet() {
        return new LoadProgress(null, false);
    }

    /** The load starts: {@code totalBytes} of input in all. */
    public void start(long totalBytes) {
        this.totalBytes = totalBytes;
        bar.restart();
        phaseNanos = System.nanoTime();
    }

    /** Called now and then by the parser with the triples and bytes read so far (all inputs). */
    public void advance(long triplesSoFar, long bytesSoFar) {
        triples = triplesSoFar;
        bar.show("load", triples, "triples", bytesSoFar, totalBytes);
    }

    /** The previous phase ended and {@code next} begins (e.g. "building indexes"): a line with the time the previous one took. */
    public void phase(String ended, String next) {
        long now = System.nanoTime();
        if (out != null) {
            out.printf("%s%s in %.1f s (%,.0f triples/s); %s%n", terminal ? "\r" : "", ended, (now - phaseNanos) / 1e9,
                    triples / Math.max(bar.seconds(), 1e-9), next);
            out.flush();
        }
        phaseNanos = now;
    }

    /** The summary line. */
    public void finish(String last) {
        if (out == null)
            return;
        long now = System.nanoTime();
        double seconds = bar.seconds();
        out.printf("%s in %.1f s; bulk load: %,d triples in %.1f s (%,.0f triples/s)%n", last, (now - phaseNanos) / 1e9, triples, seconds,
                triples / Math.max(seconds, 1e-9));
        out.flush();
    }
}
