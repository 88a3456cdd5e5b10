package org.reelgraph.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Slugs;

/** Maps files to sources and graphs by the rules of DESIGN.md section 3. */
public final class Sources {
    public static final String ONTOLOGY = "ontology/reelgraph.ttl";
    public static final String SHAPES = "ontology/shapes.ttl";

    private final Path home;

    public Sources(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    public Path home() {
        return home;
    }

    /** What {@code serve} loads into an empty store: the ontology, {@code data/}, {@code seeds/}. */
    public List<Source> standard() {
        return of(List.of(home.resolve(ONTOLOGY), home.resolve("data"), home.resolve("seeds")));
    }

    /** The curated part only: the ontology and {@code data/}. */
    public List<Source> curated() {
        return of(List.of(home.resolve(ONTOLOGY), home.resolve("data")));
    }

    /** Files as given; a directory stands for the RDF files and review texts in it. */
    public List<Source> of(List<Path> paths) {
        List<Source> sources = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path))
                listDirectory(path).forEach(p -> sources.add(source(p)));
            else
                sources.add(source(path));
        }
        return sources;
    }

    private static List<Path> listDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> isReview(p) || RdfSourceParser.isRdf(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Source source(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        String name = abs.startsWith(home) ? home.relativize(abs).toString() : path.toString();
        if (isReview(abs))
            return new Source(abs, name, Iris.reviewGraph(slugOf(abs)), true);
        Node graph = abs.equals(home.resolve(ONTOLOGY)) ? Iris.ONTOLOGY_GRAPH : Iris.dataGraph(slugOf(abs));
        return new Source(abs, name, graph, false);
    }

    private static boolean isReview(Path path) {
        return path.getFileName().toString().endsWith(".txt");
    }

    /** The bytes of a file, or a {@link LoadException} naming it. */
    static byte[] read(Path path, String name) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new LoadException(SourceError.of(name, "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage()));
        }
    }

    /** {@code data/john-wick.ttl} → {@code john-wick}. */
    static String slugOf(Path path) {
        String file = path.getFileName().toString();
        int dot = file.indexOf('.');
        return Slugs.of(dot > 0 ? file.substring(0, dot) : file);
    }
}
