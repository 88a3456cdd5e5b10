package org.reelgraph.load;

import java.io.PrintWriter;

/**
 * Progress of a bulk load: on a terminal a bar redrawn in place with triples/s and an ETA (from the
 * bytes read of the input, the only size known in advance); otherwise a plain line every
 * {@code plainEverySeconds}, so logs stay readable. Phases after parsing (indexes, SHACL) get a line each.
 */
public final class LoadProgress {
    private static final int BAR = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final long plainEveryNanos;
    private long totalBytes;
    private long startNanos;
    private long lastPrintNanos;
    private long phaseNanos;
    private long triples;

    public LoadProgress(PrintWriter out, boolean terminal, long plainEverySeconds) {
        this.out = out;
        this.terminal = terminal;
        this.plainEveryNanos = plainEverySeconds * 1_000_000_000L;
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
        this.startNanos = System.nanoTime();
        this.lastPrintNanos = startNanos;
        this.phaseNanos = startNanos;
    }

    /** Called now and then by the parser with the triples and bytes read so far (all inputs). */
    public void advance(long triplesSoFar, long bytesSoFar) {
        triples = triplesSoFar;
        if (out == null)
            return;
        long now = System.nanoTime();
        if (now - lastPrintNanos < (terminal ? 250_000_000L : plainEveryNanos))
            return;
        lastPrintNanos = now;
        double seconds = (now - startNanos) / 1e9;
        double rate = triples / Math.max(seconds, 1e-9);
        double done = totalBytes > 0 ? Math.min(1.0, (double) bytesSoFar / totalBytes) : 0;
        String eta = done > 0 ? duration(seconds * (1 - done) / done) : "?";
        if (terminal) {
            int filled = (int) Math.round(done * BAR);
            out.printf("\rload [%s%s] %3.0f%% %,d triples %,.0f triples/s ETA %s   ", "#".repeat(filled), ".".repeat(BAR - filled),
                    done * 100, triples, rate, eta);
        } else {
            out.printf("load: %,d triples, %,.0f triples/s, %.0f%% read, ETA %s%n", triples, rate, done * 100, eta);
        }
        out.flush();
    }

    /** The previous phase ended and {@code next} begins (e.g. "building indexes"): a line with the time the previous one took. */
    public void phase(String ended, String next) {
        long now = System.nanoTime();
        if (out != null) {
            out.printf("%s%s in %.1f s (%,.0f triples/s); %s%n", terminal ? "\r" : "", ended, (now - phaseNanos) / 1e9,
                    triples / Math.max((now - startNanos) / 1e9, 1e-9), next);
            out.flush();
        }
        phaseNanos = now;
    }

    /** The summary line. */
    public void finish(String last) {
        long now = System.nanoTime();
        if (out == null)
            return;
        double seconds = (now - startNanos) / 1e9;
        out.printf("%s in %.1f s; bulk load: %,d triples in %.1f s (%,.0f triples/s)%n", last, (now - phaseNanos) / 1e9, triples, seconds,
                triples / Math.max(seconds, 1e-9));
        out.flush();
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
