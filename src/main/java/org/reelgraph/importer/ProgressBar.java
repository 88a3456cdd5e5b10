package org.reelgraph.importer;

import java.io.PrintWriter;

/**
 * The progress of one pass over input of known size, drawn when due: on a terminal a bar redrawn in
 * place with the rate and an ETA (from the bytes read, the only size known in advance); otherwise a
 * plain line every few seconds, so logs stay readable. Imports and bulk loads both report through it.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long TERMINAL_EVERY_NANOS = 250_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final long plainEveryNanos;
    private long startNanos = System.nanoTime();
    private long lastPrintNanos = startNanos;

    /** {@code out} null: draws nothing. */
    public ProgressBar(PrintWriter out, boolean terminal, long plainEverySeconds) {
        this.out = out;
        this.terminal = terminal;
        this.plainEveryNanos = plainEverySeconds * 1_000_000_000L;
    }

    /** A new pass starts now. */
    public void restart() {
        startNanos = System.nanoTime();
        lastPrintNanos = startNanos;
    }

    /** Seconds since the pass started. */
    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Draws {@code count} {@code unit} read so far, if a line is due. */
    public void show(String label, long count, String unit, long bytesSoFar, long totalBytes) {
        if (out == null)
            return;
        long now = System.nanoTime();
        if (now - lastPrintNanos < (terminal ? TERMINAL_EVERY_NANOS : plainEveryNanos))
            return;
        lastPrintNanos = now;
        double seconds = (now - startNanos) / 1e9;
        double rate = count / Math.max(seconds, 1e-9);
        double done = totalBytes > 0 ? Math.min(1.0, (double) bytesSoFar / totalBytes) : 0;
        String eta = done > 0 ? duration(seconds * (1 - done) / done) : "?";
        if (terminal) {
            int filled = (int) Math.round(done * WIDTH);
            out.printf("\r%s [%s%s] %3.0f%% %,d %s %,.0f %s/s ETA %s   ", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                    done * 100, count, unit, rate, unit, eta);
        } else {
            out.printf("%s: %,d %s, %,.0f %s/s, %.0f%% read, ETA %s%n", label, count, unit, rate, unit, done * 100, eta);
        }
        out.flush();
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
