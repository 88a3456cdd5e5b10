package org.reelgraph.dump;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

/**
 * JSON-LD 1.1 in expanded form ({@code [ {"@id": ..., "<property IRI>": [ ... ]}, ... ]}), written as a
 * stream: Jena's JSON-LD writer needs the whole graph in memory. Triples must arrive grouped by
 * subject (the dump's sorted order does that). Jackson does the JSON escaping.
 */
final class JsonLdStreamWriter extends StreamRDFBase {
    private final JsonGenerator json;
    private Node subject;
    private Node property;

    JsonLdStreamWriter(OutputStream out) {
        try {
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void start() {
        io(() -> json.writeStartArray());
    }

    @Override
    public void triple(Triple t) {
        io(() -> {
            if (!t.getSubject().equals(subject)) {
                closeSubject();
                subject = t.getSubject();
                json.writeStartObject();
                json.writeStringField("@id", id(subject));
            }
            if (!t.getPredicate().equals(property)) {
                if (property != null)
                    json.writeEndArray();
                property = t.getPredicate();
                json.writeArrayFieldStart(property.equals(RDF.type.asNode()) ? "@type" : property.getURI());
            }
            writeObject(t.getPredicate(), t.getObject());
        });
    }

    @Override
    public void quad(Quad quad) {
        triple(quad.asTriple());
    }

    @Override
    public void finish() {
        io(() -> {
            closeSubject();
            json.writeEndArray();
            json.flush();
        });
    }

    private void closeSubject() throws IOException {
        if (property != null)
            json.writeEndArray();
        if (subject != null)
            json.writeEndObject();
        subject = null;
        property = null;
    }

    private void writeObject(Node predicate, Node object) throws IOException {
        if (predicate.equals(RDF.type.asNode()) && !object.isLiteral()) {
            json.writeString(id(object));
            return;
        }
        json.writeStartObject();
        if (!object.isLiteral()) {
            json.writeStringField("@id", id(object));
        } else {
            json.writeStringField("@value", object.getLiteralLexicalForm());
            if (!object.getLiteralLanguage().isEmpty())
                json.writeStringField("@language", object.getLiteralLanguage());
            else if (!object.getLiteralDatatypeURI().equals(XSDDatatype.XSDstring.getURI()))
                json.writeStringField("@type", object.getLiteralDatatypeURI());
        }
        json.writeEndObject();
    }

    private static String id(Node node) {
        return node.isBlank() ? "_:" + node.getBlankNodeLabel() : node.getURI();
    }

    private interface JsonAction {
        void run() throws IOException;
    }

    private static void io(JsonAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
