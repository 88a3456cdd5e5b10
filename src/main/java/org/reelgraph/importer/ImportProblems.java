package org.reelgraph.importer;

import java.io.PrintWriter;

/**
 * Bad rows of an import: each is reported as {@code file:line: what is wrong} and counted, and the
 * row is skipped; under {@code --strict} the first one ends the import (before anything is written).
 * Only the first {@value #PRINTED} are printed: a broken 10 GB file must not flood the terminal.
 */
public final class ImportProblems {
    static final int PRINTED = 100;

    private final PrintWriter report;
    private final boolean strict;
    private long count;

    public ImportProblems(PrintWriter report, boolean strict) {
        this.report = report;
        this.strict = strict;
    }

    /** Counts nothing and prints nothing: for a second pass over rows the first pass already reported. */
    static ImportProblems muted() {
        return new ImportProblems(null, false);
    }

    public void report(String file, long line, String what) {
        String message = file + ":" + line + ": " + what;
        if (strict)
            throw new ImportException(message + " (--strict: nothing was imported)");
        if (report == null)
            return;
        count++;
        if (count <= PRINTED)
            report.println(message);
        else if (count == PRINTED + 1)
            report.println("(more bad rows are counted but not printed)");
    }

    public long count() {
        return count;
    }

    public boolean strict() {
        return strict;
    }
}
