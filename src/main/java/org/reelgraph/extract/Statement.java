package org.reelgraph.extract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One extracted fact, shaped as DESIGN.md section 5 prints it: display names first, then the IRIs
 * they resolved to ({@code ...Id}). {@code character} only for {@code starring}, {@code via} only for
 * {@code creditedTo}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Statement(
        String subject,
        String predicate,
        String object,
        String character,
        String via,
        Evidence evidence,
        double confidence,
        String subjectId,
        String objectId,
        String characterId,
        String viaId) {

    public Statement {
        if (confidence < 0 || confidence > 1)
            throw new IllegalArgumentException("confidence must be in [0, 1], not " + confidence);
    }
}
