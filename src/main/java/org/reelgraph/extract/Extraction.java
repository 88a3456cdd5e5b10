package org.reelgraph.extract;

import java.util.List;

/**
 * What a review says about its film. Serialises with Jackson to the DESIGN.md section 5 shape
 * ({@code {"film": {...}, "statements": [...]}}); {@code newNames} lists the resources the text
 * introduced, which {@link ReviewGraph} types and labels.
 */
public record Extraction(FilmMention film, List<Statement> statements, List<NewName> newNames) {
    public Extraction {
        statements = List.copyOf(statements);
        newNames = List.copyOf(newNames);
    }

    public Extraction(FilmMention film, List<Statement> statements) {
        this(film, statements, List.of());
    }
}
