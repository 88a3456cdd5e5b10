package org.reelgraph.load;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ShaclPaths;
import org.apache.jena.shacl.parser.ShaclParseException;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.path.P_Link;

/** SHACL validation against {@code ontology/shapes.ttl}. */
public final class ShapesCheck {

    /** One violation: the node, the property (null for node-level constraints), the shape's message. */
    public record Violation(Node focus, Node predicate, Node value, String message) {}

    private final Shapes shapes;

    private ShapesCheck(Shapes shapes) {
        this.shapes = shapes;
    }

    public static ShapesCheck of(Graph shapesGraph, String source) {
        try {
            return new ShapesCheck(Shapes.parse(shapesGraph));
        } catch (ShaclParseException e) {
            throw new LoadException(SourceError.of(source, "not valid SHACL: " + e.getMessage()));
        }
    }

    /** Reads the shapes file of a project ({@code ontology/shapes.ttl}). */
    public static ShapesCheck of(Sources sources) {
        Path file = sources.home().resolve(Sources.SHAPES);
        byte[] bytes = Sources.read(file, Sources.SHAPES);
        var parsed = RdfSourceParser.parse(Sources.SHAPES, file.toUri().toString(), bytes);
        return of(parsed.data().getDefaultGraph(), Sources.SHAPES);
    }

    public List<Violation> validate(Graph data) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        return report.getEntries().stream().map(ShapesCheck::violation).toList();
    }

    /** The violations of the shapes that target {@code focus}, evaluated on {@code data}. */
    public List<Violation> validate(Graph data, Node focus) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data, focus);
        return report.getEntries().stream().map(ShapesCheck::violation).toList();
    }

    /** The violations of the shapes that target each of {@code focus}, evaluated on {@code data}. */
    public List<Violation> validate(Graph data, Collection<Node> focus) {
        return focus.stream().flatMap(n -> validate(data, n).stream()).toList();
    }

    private static Violation violation(ReportEntry entry) {
        Node predicate = entry.resultPath() instanceof P_Link link ? link.getNode() : null;
        String message = entry.message();
        if (message == null || message.isBlank())
            message = entry.constraint() + (entry.resultPath() == null ? "" : " on " + ShaclPaths.pathToString(entry.resultPath()));
        return new Violation(entry.focusNode(), predicate, entry.value(), message);
    }
}
