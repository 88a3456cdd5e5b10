package org.reelgraph.load;

import java.io.InputStream;
import java.io.Reader;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.ReaderRIOT;
import org.apache.jena.riot.ReaderRIOTFactory;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.util.Context;

/**
 * JSON-LD reading that never leaves the machine. Jena's JSON-LD 1.1 reader fetches a remote
 * {@code @context} (or {@code @import}) by default: a document uploaded through the Graph Store
 * Protocol or given to {@code load} could make the server request any URL (server-side request
 * forgery). Installed in Jena's parser registry, this reader gives every parse its own options
 * whose document loader refuses all URLs, and turns a stack overflow on deeply nested input into
 * a parse error.
 */
public final class LocalJsonLd implements ReaderRIOTFactory {
    private LocalJsonLd() {}

    /** Registers this reader for JSON-LD with Jena (idempotent); Fuseki and the loader both parse through the registry. */
    public static synchronized void install() {
        if (!(RDFParserRegistry.getFactory(Lang.JSONLD) instanceof LocalJsonLd))
            RDFParserRegistry.registerLangQuads(Lang.JSONLD, new LocalJsonLd());
        if (!(RDFParserRegistry.getFactory(Lang.JSONLD11) instanceof LocalJsonLd))
            RDFParserRegistry.registerLangQuads(Lang.JSONLD11, new LocalJsonLd());
    }

    @Override
    public ReaderRIOT create(Lang language, ParserProfile profile) {
        ReaderRIOT reader = new LangJSONLD11(language, profile, profile.getErrorHandler());
        return new ReaderRIOT() {
            @Override
            public void read(InputStream in, String baseURI, ContentType ct, StreamRDF output, Context context) {
                try {
                    reader.read(in, baseURI, ct, output, localOnly(context));
                } catch (StackOverflowError e) {
                    throw new RiotException("the JSON-LD document is nested too deeply to read");
                }
            }

            @Override
            public void read(Reader in, String baseURI, ContentType ct, StreamRDF output, Context context) {
                try {
                    reader.read(in, baseURI, ct, output, localOnly(context));
                } catch (StackOverflowError e) {
                    throw new RiotException("the JSON-LD document is nested too deeply to read");
                }
            }
        };
    }

    /** A copy of the context with fresh options (Jena sets the base on them: never share one between parses). */
    private static Context localOnly(Context context) {
        Context copy = context == null ? new Context() : context.copy();
        JsonLdOptions options = new JsonLdOptions((url, loaderOptions) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "remote documents are not loaded (" + url + "): put the @context inline");
        });
        copy.set(LangJSONLD11.JSONLD_OPTIONS, options);
        return copy;
    }
}
