package org.reelgraph.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.QueryParseException;

/** A SPARQL parse error as one line with the line the message itself names. */
final class QueryErrors {
    private static final Pattern AT_LINE = Pattern.compile("line (\\d+), column \\d+");

    private QueryErrors() {}

    /** The line the parser's message points at; JavaCC's getLine() is the last good token. */
    static long line(QueryParseException e) {
        Matcher m = AT_LINE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Long.parseLong(m.group(1)) : e.getLine();
    }

    /** The first line of the message, without JavaCC's list of expected tokens. */
    static String summary(QueryParseException e) {
        String message = String.valueOf(e.getMessage()).strip();
        int newline = message.indexOf('\n');
        return (newline > 0 ? message.substring(0, newline) : message).strip();
    }
}
