package org.reelgraph.cli;

/** Input the user can fix (an unknown slug, a malformed query): exit code 1 with the message. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }
}
