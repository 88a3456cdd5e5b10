package org.reelgraph.load;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: syntax or SHACL errors. Nothing was written when this is thrown. */
public class LoadException extends RuntimeException {
    private final List<SourceError> errors;

    public LoadException(List<SourceError> errors) {
        super(errors.stream().map(SourceError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public LoadException(SourceError error) {
        this(List.of(error));
    }

    public List<SourceError> errors() {
        return errors;
    }
}
