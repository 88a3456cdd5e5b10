package org.reelgraph.importer;

import java.io.PrintWriter;

/**
 * Progress of an import pass over one file: on a terminal a bar redrawn in place with rows/s and an
 * ETA (from the compressed bytes read, the only size known in advance); otherwise a plain line every
 * {@value #PLAIN_EVERY_SECONDS} seconds, so logs stay readable. Each pass ends with a summary line.
 */
public final class ImportProgress {
    private static final long PLAIN_EVERY_SECONDS = 10;
    private static final int BAR = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private String label;
    private long totalBytes;
    private long startNanos;
    private long lastPrintNanos;
    private long rows;
    private long allRows;

    public ImportProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    public static ImportProgress quiet() {
        return new ImportProgress(null, false);
    }

    /** A new pass: {@code totalBytes} is the size of the file as stored (0 when unknown). */
    public void start(String label, long totalBytes) {
        this.label = label;
        this.totalBytes = totalBytes;
        this.rows = 0;
        this.startNanos = System.nanoTime();
        this.lastPrintNanos = startNanos;
    }

    /** Called now and then by the reader with the rows and stored bytes read so far in this pass. */
    public void advance(long rowsSoFar, long bytesSoFar) {
        allRows += rowsSoFar - rows;
        rows = rowsSoFar;
        if (out == null)
            return;
        long now = System.nanoTime();
        long every = terminal ? 250_000_000L : PLAIN_EVERY_SECONDS * 1_000_000_000L;
        if (now - lastPrintNanos < every)
            return;
        lastPrintNanos = now;
        double seconds = (now - startNanos) / 1e9;
        double rate = rows / Math.max(seconds, 1e-9);
        double done = totalBytes > 0 ? Math.min(1.0, (double) bytesSoFar / totalBytes) : 0;
        String eta = done > 0 ? duration(seconds * (1 - done) / done) : "?";
        if (terminal) {
            int filled = (int) Math.round(done * BAR);
            out.printf("\r%s [%s%s] %3.0f%% %,d rows %,.0f rows/s ETA %s   ", label, "#".repeat(filled), ".".repeat(BAR - filled),
                    done * 100, rows, rate, eta);
        } else {
            out.printf("%s: %,d rows, %,.0f rows/s, %.0f%% read, ETA %s%n", label, rows, rate, done * 100, eta);
        }
        out.flush();
    }

    /** The pass's summary line. */
    public void finish() {
        if (out == null)
            return;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf("%s%s: %,d rows in %.1f s (%,.0f rows/s)%n", terminal ? "\r" : "", label, rows, seconds, rows / Math.max(seconds, 1e-9));
        out.flush();
    }

    /** Rows read in every pass so far. */
    public long rows() {
        return allRows;
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
