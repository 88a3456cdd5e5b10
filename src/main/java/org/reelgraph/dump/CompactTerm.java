package org.reelgraph.dump;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.vocabulary.RDF;

/**
 * The common shapes of a term in Jena's RDF Thrift encoding (an {@code RDF_Term} in Thrift's compact
 * protocol), read without the Thrift machinery: an IRI, a blank node, or a literal of a lexical form
 * with a language tag or a datatype. In that protocol a field is a byte holding (id - previous id)
 * and its type (8: string, 12: struct, 0 ends a struct), and a string is its length (a varint, seven
 * bits a byte, low bits first) and its UTF-8 bytes. Anything else (other shapes, numbers stored as
 * values, long field headers) is left to Thrift. One instance per thread: it keeps what it parsed.
 */
final class CompactTerm {
    private static final int IRI = 1;
    private static final int BLANK = 2;
    private static final int LITERAL = 3;
    private static final byte[] XSD_STRING = XSDDatatype.XSDstring.getURI().getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RDF_NAMESPACE = RDF.getURI().getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int kind;
    /** By field id 1..3: where each string starts in {@code bytes}, and its length (-1: absent). */
    private final int[] starts = new int[4];
    private final int[] lengths = new int[4];

    /** Parses the term at the start of {@code bytes[0, available)}; false if it is not of a simple shape or does not lie whole there. */
    boolean parse(byte[] bytes, int available) {
        this.bytes = bytes;
        lengths[1] = lengths[2] = lengths[3] = -1;
        if (available < 2)
            return false;
        int header = bytes[0] & 0xFF;
        kind = header >>> 4;
        if ((header & 0xF) != 12 || kind < IRI || kind > LITERAL)
            return false;
        int p = 1;
        int id = 0;
        while (true) {
            if (p >= available)
                return false;
            int field = bytes[p++] & 0xFF;
            if (field == 0)
                break;
            id += field >>> 4;
            if ((field & 0xF) != 8 || field >>> 4 == 0 || id > (kind == LITERAL ? 3 : 1))
                return false;
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                if (p >= available || shift > 28)
                    return false;
                int b = bytes[p++];
                length |= (b & 0x7F) << shift;
                if (b >= 0)
                    break;
            }
            if (length < 0 || p + length > available)
                return false;
            starts[id] = p;
            lengths[id] = length;
            p += length;
        }
        // The end of the union; an IRI or blank node has its one string, a literal its lexical form.
        return p < available && bytes[p] == 0 && lengths[1] >= 0;
    }

    /** The parsed IRI or blank node as {@code ThriftConvert} makes it; null for a literal. */
    Node node() {
        if (kind == LITERAL)
            return null;
        String text = new String(bytes, starts[1], lengths[1], StandardCharsets.UTF_8);
        // ThriftConvert makes IRIs with RiotLib, which turns <_:label> into a blank node.
        return kind == IRI ? RiotLib.createIRIorBNode(text) : NodeFactory.createBlankNode(text);
    }

    /**
     * The parsed IRI or literal in N-Triples, as {@link NTerms#format} writes the node Jena would
     * make of it, when that needs no escaping and all of it is ASCII (so no decoding could change
     * it); else null. A language tag must be two or three lower-case letters, which Jena keeps as
     * they are.
     */
    byte[] plainNTriples() {
        if (kind == IRI) {
            int start = starts[1];
            int length = lengths[1];
            if (length >= 2 && bytes[start] == '_' && bytes[start + 1] == ':')
                return null;
            if (!plainIri(start, length))
                return null;
            byte[] nt = new byte[length + 2];
            nt[0] = '<';
            System.arraycopy(bytes, start, nt, 1, length);
            nt[length + 1] = '>';
            return nt;
        }
        if (kind != LITERAL || !plainLexical(starts[1], lengths[1]))
            return null;
        int lex = lengths[1];
        int lang = lengths[2];
        int datatype = lengths[3];
        if (lang >= 0) {
            if (datatype >= 0 || lang < 2 || lang > 3 || !lowerCase(starts[2], lang))
                return null;
            byte[] nt = quoted(lex, 1 + lang);
            nt[lex + 2] = '@';
            System.arraycopy(bytes, starts[2], nt, lex + 3, lang);
            return nt;
        }
        if (datatype < 0 || isXsdString(starts[3], datatype))
            return quoted(lex, 0);
        if (!plainIri(starts[3], datatype) || inRdfNamespace(starts[3], datatype))
            return null;
        byte[] nt = quoted(lex, 4 + datatype);
        int p = lex + 2;
        nt[p++] = '^';
        nt[p++] = '^';
        nt[p++] = '<';
        System.arraycopy(bytes, starts[3], nt, p, datatype);
        nt[p + datatype] = '>';
        return nt;
    }

    /** {@code "lex"} with room for {@code more} bytes after. */
    private byte[] quoted(int lex, int more) {
        byte[] nt = new byte[lex + 2 + more];
        nt[0] = '"';
        System.arraycopy(bytes, starts[1], nt, 1, lex);
        nt[lex + 1] = '"';
        return nt;
    }

    /** ASCII and nothing {@link NTerms} would escape in an IRI: controls, space, {@code "<>\^`{|}}. */
    private boolean plainIri(int start, int length) {
        for (int i = start; i < start + length; i++) {
            int c = bytes[i];
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == '\\')
                return false;
        }
        return true;
    }

    /** ASCII and nothing {@link NTerms} would escape in a lexical form: controls, {@code "} and {@code \}. */
    private boolean plainLexical(int start, int length) {
        for (int i = start; i < start + length; i++) {
            int c = bytes[i];
            if (c < ' ' || c == '"' || c == '\\')
                return false;
        }
        return true;
    }

    private boolean lowerCase(int start, int length) {
        for (int i = start; i < start + length; i++)
            if (bytes[i] < 'a' || bytes[i] > 'z')
                return false;
        return true;
    }

    private boolean isXsdString(int start, int length) {
        return length == XSD_STRING.length && Arrays.equals(bytes, start, start + length, XSD_STRING, 0, length);
    }

    /** rdf:langString without a language tag and the like: left to Jena. */
    private boolean inRdfNamespace(int start, int length) {
        int n = RDF_NAMESPACE.length;
        return length >= n && Arrays.equals(bytes, start, start + n, RDF_NAMESPACE, 0, n);
    }
}
