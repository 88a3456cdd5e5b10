package org.reelgraph.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The example queries the build copies from {@code queries/} to the classpath folder {@code web/queries/},
 * listed by that folder's {@code index.txt} (a folder inside a jar cannot be listed). Read once.
 */
final class ExampleQueries {
    private static final String FOLDER = "web/queries/";

    private final List<ExampleQuery> all;

    private ExampleQueries(List<ExampleQuery> all) {
        this.all = List.copyOf(all);
    }

    /** The queries the build put on the classpath; an incomplete build fails here, at server assembly. */
    static ExampleQueries fromClasspath() {
        List<ExampleQuery> queries = new ArrayList<>();
        for (String file : read("index.txt").split("\\R")) {
            if (!file.isBlank())
                queries.add(parse(file.strip(), read(file.strip())));
        }
        return new ExampleQueries(queries);
    }

    List<ExampleQuery> all() {
        return all;
    }

    /** The leading {@code #} lines are the description; the first of them, what the query answers. */
    static ExampleQuery parse(String file, String text) {
        List<String> comment = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.startsWith("#"))
                break;
            comment.add(line.substring(1).strip());
        }
        String name = file.endsWith(".rq") ? file.substring(0, file.length() - 3) : file;
        return new ExampleQuery(name, comment.isEmpty() ? name : comment.get(0), String.join(" ", comment), text);
    }

    private static String read(String file) {
        try (InputStream in = ExampleQueries.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null)
                throw new IllegalStateException("classpath has no " + FOLDER + file
                        + ": the build copies queries/ there (mvn generate-resources)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + file + " from the classpath", e);
        }
    }
}
