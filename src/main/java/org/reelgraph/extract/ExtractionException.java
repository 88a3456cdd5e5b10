package org.reelgraph.extract;

/** The text cannot be turned into statements; the message says why and what to change. */
public class ExtractionException extends RuntimeException {
    public ExtractionException(String message) {
        super(message);
    }
}
