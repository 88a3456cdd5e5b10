package org.reelgraph.dump;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * N-Triples terms, fast for the common case: IRIs and literals with nothing to escape are written
 * directly; anything else goes through RIOT's formatter, which handles every escape.
 */
final class NTerms {
    private static final String XSD_STRING = XSDDatatype.XSDstring.getURI();

    private NTerms() {}

    static String format(Node node) {
        if (node.isURI()) {
            String iri = node.getURI();
            return plainIri(iri) ? "<" + iri + ">" : NodeFmtLib.strNT(node);
        }
        if (node.isLiteral() && node.getLiteralBaseDirection() == null) {
            String lexical = node.getLiteralLexicalForm();
            if (plainLexical(lexical)) {
                String lang = node.getLiteralLanguage();
                if (!lang.isEmpty())
                    return "\"" + lexical + "\"@" + lang;
                String datatype = node.getLiteralDatatypeURI();
                if (datatype.equals(XSD_STRING))
                    return "\"" + lexical + "\"";
                if (plainIri(datatype))
                    return "\"" + lexical + "\"^^<" + datatype + ">";
            }
        }
        return NodeFmtLib.strNT(node);
    }

    /** Bit c set: character c (below 64, then 64..127) needs RIOT's formatter in an IRI: controls, space, {@code "<>\\^`{|}}. */
    private static final long IRI_ESCAPE_LOW = 0xFFFF_FFFFL | 1L << ' ' | 1L << '"' | 1L << '<' | 1L << '>';
    private static final long IRI_ESCAPE_HIGH = 1L << ('\\' - 64) | 1L << ('^' - 64) | 1L << ('`' - 64) | 1L << ('{' - 64) | 1L << ('|' - 64) | 1L << ('}' - 64);

    private static boolean plainIri(String iri) {
        for (int i = 0; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (c < 64 ? (IRI_ESCAPE_LOW >>> c & 1) != 0 : c < 128 && (IRI_ESCAPE_HIGH >>> (c - 64) & 1) != 0)
                return false;
        }
        return true;
    }

    private static boolean plainLexical(String lexical) {
        for (int i = 0; i < lexical.length(); i++) {
            char c = lexical.charAt(i);
            if (c == '"' || c == '\\' || c < ' ')
                return false;
        }
        return true;
    }
}
