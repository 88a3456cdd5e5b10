package org.reelgraph.importer;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * One of IMDb's dataset files as IMDb publishes it: gzip, UTF-8, tab-separated, a header row, no
 * quoting, {@code \N} for null. Read row by row, never whole; a row with the wrong number of
 * columns is a bad row, a wrong header or a file that is not gzip ends the import (its columns
 * cannot be trusted), and gzip data that ends early is reported at the line where it ends.
 */
final class TsvFile {
    /** IMDb's null. */
    static final String NULL = "\\N";

    /** One data row: its line number in the file (the header is line 1) and its columns. */
    record Row(long line, String[] fields) {
        String get(int column) {
            return fields[column];
        }

        boolean isNull(int column) {
            return fields[column].equals(NULL);
        }
    }

    private final Path path;
    private final String name;
    private final List<String> header;

    TsvFile(Path path, List<String> header) {
        this.path = path;
        this.name = path.getFileName().toString();
        this.header = List.copyOf(header);
    }

    String name() {
        return name;
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.isRegularFile(path);
    }

    /** Reads every well-formed row into {@code rows}; bad rows go to {@code problems}. */
    void read(ImportProblems problems, ImportProgress progress, String pass, Consumer<Row> rows) {
        long size = size();
        progress.start(name + " (" + pass + ")", size);
        long line = 1;
        long count = 0;
        try {
            CompressedFile.Opened opened = CompressedFile.open(path);
            try (BufferedReader reader = opened.lines()) {
                String first;
                try {
                    first = reader.readLine();
                } catch (ZipException e) {
                    throw new ImportException(name + ":1: not gzip data as IMDb publishes it (" + e.getMessage() + ")");
                }
                if (first == null)
                    throw new ImportException(name + ":1: the file is empty; IMDb's " + name + " starts with the header " + String.join("\t", header));
                if (!first.equals(String.join("\t", header)))
                    throw new ImportException(name + ":1: the header is '" + printable(first) + "' but IMDb's " + name
                            + " has '" + String.join("\\t", header) + "': is this the right file?");
                String text;
                while ((text = reader.readLine()) != null) {
                    line++;
                    String[] fields = split(text, header.size());
                    if (fields == null) {
                        problems.report(name, line, "has " + columns(text) + " columns, " + name + " has " + header.size()
                                + " (" + String.join(", ", header) + ")");
                        continue;
                    }
                    rows.accept(new Row(line, fields));
                    if ((++count & 0xfff) == 0)
                        progress.advance(count, opened.stored().getCount());
                }
            }
        } catch (EOFException e) {
            problems.report(name, line + 1, "the gzip data ends early (a truncated download?): the rows from here on are missing");
        } catch (ZipException e) {
            problems.report(name, line + 1, "the gzip data is corrupt (" + e.getMessage() + "): the rows from here on are missing");
        } catch (NoSuchFileException e) {
            throw new ImportException(name + ": no such file " + path);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
        progress.advance(count, size);
        progress.finish();
    }

    private long size() {
        return CompressedFile.size(path, name);
    }

    /** Splits on tabs into exactly {@code expected} fields, or null when the count differs. */
    static String[] split(String text, int expected) {
        String[] fields = new String[expected];
        int start = 0;
        for (int i = 0; i < expected - 1; i++) {
            int tab = text.indexOf('\t', start);
            if (tab < 0)
                return null;
            fields[i] = text.substring(start, tab);
            start = tab + 1;
        }
        if (text.indexOf('\t', start) >= 0)
            return null;
        fields[expected - 1] = text.substring(start);
        return fields;
    }

    private static int columns(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++)
            if (text.charAt(i) == '\t')
                n++;
        return n;
    }

    private static String printable(String text) {
        String shown = text.replace("\t", "\\t");
        return shown.length() > 120 ? shown.substring(0, 120) + "…" : shown;
    }
}
