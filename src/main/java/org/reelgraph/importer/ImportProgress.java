package org.reelgraph.importer;

import java.io.PrintWriter;

/**
 * Progress of an import pass over one file: rows/s and an ETA from the compressed bytes read, as a
 * {@link ProgressBar} (a bar on a terminal, a plain line every {@value #PLAIN_EVERY_SECONDS} seconds
 * otherwise). Each pass ends with a summary line.
 */
public final class ImportProgress {
    private static final long PLAIN_EVERY_SECONDS = 10;

    private final PrintWriter out;
    private final boolean terminal;
    private final ProgressBar bar;
    private String label;
    private long totalBytes;
    private long rows;
    private long allRows;

    public ImportProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.bar = new ProgressBar(out, terminal, PLAIN_EVERY_SECONDS);
    }

    public static ImportProgress quiet() {
        return new ImportProgress(null, false);
    }

    /** A new pass: {@code totalBytes} is the size of the file as stored (0 when unknown). */
    public void start(String label, long totalBytes) {
        this.label = label;
        this.totalBytes = totalBytes;
        this.rows = 0;
        bar.restart();
    }

    /** Called now and then by the reader with the rows and stored bytes read so far in this pass. */
    public void advance(long rowsSoFar, long bytesSoFar) {
        allRows += rowsSoFar - rows;
        rows = rowsSoFar;
        bar.show(label, rows, "rows", bytesSoFar, totalBytes);
    }

    /** The pass's summary line. */
    public void finish() {
        if (out == null)
            return;
        double seconds = bar.seconds();
        out.printf("%s%s: %,d rows in %.1f s (%,.0f rows/s)%n", terminal ? "\r" : "", label, rows, seconds, rows / Math.max(seconds, 1e-9));
        out.flush();
    }

    /** Rows read in every pass so far. */
    public long rows() {
        return allRows;
    }
}
