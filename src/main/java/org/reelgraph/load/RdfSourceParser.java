package org.reelgraph.load;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.ReaderRIOT;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.ParserProfileWrapper;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

/**
 * Parses one RDF file strictly into memory. Any parser complaint, warnings included (an
 * ill-formed {@code xsd:date} is only a warning to RIOT), becomes a {@code file:line} error.
 */
public final class RdfSourceParser {
    private RdfSourceParser() {}

    public static boolean isRdf(String fileName) {
        Lang lang = RDFLanguages.filenameToLang(fileName);
        return lang != null && RDFParserRegistry.isRegistered(lang);
    }

    /** The parsed statements; triples of a triples format are in the default graph. */
    public record Parsed(DatasetGraph data, SourceLines lines) {}

    public static Parsed parse(String name, String baseIri, byte[] bytes) {
        Lang lang = RDFLanguages.filenameToLang(name);
        if (lang == null || !RDFParserRegistry.isRegistered(lang))
            throw new LoadException(SourceError.of(name,
                    "unknown RDF format: name the file .ttl, .nt, .nq, .trig, .jsonld or .rdf"));
        String text = Utf8Text.decode(bytes, name);
        LocalJsonLd.install();
        DatasetGraph data = DatasetGraphFactory.create();
        SourceLines lines = new SourceLines();
        CollectingErrorHandler errors = new CollectingErrorHandler(name);
        // A profile of our own is the one place RIOT tells the line of each statement it makes;
        // the lines let SHACL violations point into the file.
        ParserProfile profile = new LineRecordingProfile(RiotLib.profile(lang, baseIri, errors), lines);
        ReaderRIOT reader = RDFParserRegistry.getFactory(lang).create(lang, profile);
        try {
            reader.read(new StringReader(text), baseIri, lang.getContentType(), StreamRDFLib.dataset(data), RIOT.getContext().copy());
        } catch (RiotException e) {
            errors.addIfNew(e);
        } catch (StackOverflowError e) {
            errors.add(0, "nesting is too deep to parse");
        } catch (RuntimeException e) {
            // The Turtle parser can fail with other exceptions (IllegalFormatCodePointException) on odd input.
            // The message only: a Java class name means nothing to whoever fixes the file.
            errors.add(errors.lastLine, "cannot parse: " + (e.getMessage() == null ? "the parser stopped here" : e.getMessage()));
        }
        if (!errors.list.isEmpty())
            throw new LoadException(errors.list);
        return new Parsed(data, lines);
    }

    private static final class CollectingErrorHandler implements ErrorHandler {
        private final String source;
        private final List<SourceError> list = new ArrayList<>();
        private long lastLine;

        CollectingErrorHandler(String source) {
            this.source = source;
        }

        void add(long line, String message) {
            list.add(new SourceError(source, line, message));
        }

        void addIfNew(RiotException e) {
            if (list.isEmpty()) {
                long line = e instanceof RiotParseException p ? p.getLine() : lastLine;
                add(line, e.getMessage());
            }
        }

        @Override
        public void warning(String message, long line, long col) {
            lastLine = line;
            add(line, message);
        }

        @Override
        public void error(String message, long line, long col) {
            lastLine = line;
            add(line, message);
            throw new RiotParseException(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            error(message, line, col);
        }
    }

    private static final class LineRecordingProfile extends ParserProfileWrapper {
        private final SourceLines lines;

        LineRecordingProfile(ParserProfile profile, SourceLines lines) {
            super(profile);
            this.lines = lines;
        }

        @Override
        public Triple createTriple(Node subject, Node predicate, Node object, long line, long col) {
            lines.record(subject, predicate, line);
            return super.createTriple(subject, predicate, object, line, col);
        }

        @Override
        public Quad createQuad(Node graph, Node subject, Node predicate, Node object, long line, long col) {
            lines.record(subject, predicate, line);
            return super.createQuad(graph, subject, predicate, object, line, col);
        }
    }
}
