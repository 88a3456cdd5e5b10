package org.reelgraph.importer;

/** An import that cannot go on: a file IMDb or Wikidata would not publish, or a bad row under {@code --strict}. */
public final class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
