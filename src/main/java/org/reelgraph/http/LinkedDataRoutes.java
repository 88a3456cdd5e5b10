package org.reelgraph.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.WebContent;
import org.reelgraph.catalog.ResourceDescriber;
import org.reelgraph.catalog.ResourceDescriber.Description;
import org.reelgraph.store.Store;
import org.reelgraph.vocab.Kind;
import org.reelgraph.vocab.Slugs;

/**
 * Linked Data at {@code /id/{kind}/{slug}}: the resource {@code base + kind + "/" + slug} as an HTML page
 * for browsers, or as Turtle, N-Triples, JSON-LD or RDF/XML by {@code Accept}; {@code ?format=} overrides
 * {@code Accept}. Every answer varies by {@code Accept}.
 */
final class LinkedDataRoutes {
    /** What this route can answer, in the order preferred when the client does not mind (curl's {@code *}{@code /*}). */
    enum Representation {
        TURTLE("ttl", WebContent.contentTypeTurtle, RDFFormat.TURTLE_PRETTY),
        N_TRIPLES("nt", WebContent.contentTypeNTriples, RDFFormat.NTRIPLES_UTF8),
        JSON_LD("jsonld", WebContent.contentTypeJSONLD, RDFFormat.JSONLD11),
        RDF_XML("rdf", WebContent.contentTypeRDFXML, RDFFormat.RDFXML_PRETTY),
        HTML("html", WebContent.contentTypeHTML, null),
        /** The same page, for clients that ask for XHTML only (the markup is well-formed XML). */
        XHTML(null, "application/xhtml+xml", null);

        final String format;
        final String mediaType;
        final RDFFormat rdf;

        Representation(String format, String mediaType, RDFFormat rdf) {
            this.format = format;
            this.mediaType = mediaType;
            this.rdf = rdf;
        }

        /** JSON defines no charset parameter (RFC 8259: it is always UTF-8); every other type states it. */
        String contentType() {
            return this == JSON_LD ? mediaType : mediaType + "; charset=utf-8";
        }
    }

    private static final Map<String, Representation> BY_FORMAT = Arrays.stream(Representation.values())
            .filter(r -> r.format != null).collect(Collectors.toUnmodifiableMap(r -> r.format, r -> r));
    private static final String FORMATS = "ttl, nt, jsonld, rdf, html";
    private static final String OFFERED = Arrays.stream(Representation.values()).map(r -> r.mediaType).collect(Collectors.joining(", "));

    private final ResourceDescriber describer;
    private final ResourcePage page;
    private final String base;

    /** {@code base}: the IRI prefix served here, e.g. {@code https://w3id.org/reelgraph/id/}; must end with {@code /}. */
    LinkedDataRoutes(Store store, String base) {
        if (base == null || !base.endsWith("/"))
            throw new IllegalArgumentException("the Linked Data base IRI must end with '/': " + base);
        this.describer = new ResourceDescriber(store);
        this.page = new ResourcePage(base);
        this.base = base;
    }

    void register(RoutesConfig routes) {
        routes.get("/id/{kind}/{slug}", this::resource);
        // HEAD answers what GET would, without the body (Jetty drops it).
        routes.head("/id/{kind}/{slug}", this::resource);
    }

    private void resource(Context ctx) {
        ctx.header("Vary", "Accept");
        String iri = iri(ctx.pathParam("kind"), ctx.pathParam("slug"));
        Representation representation = representation(ctx.queryParam("format"), ctx.header("Accept"));
        Description description = describer.describe(iri).orElseThrow(() -> ProblemException.notFound(
                "Nothing is known about <" + iri + ">. GET /api/franchises lists the franchises; "
                        + "/reelgraph/sparql answers SPARQL over the whole graph."));
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.contentType(representation.contentType());
        if (representation.rdf == null) {
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.result(page.render(description).getBytes(StandardCharsets.UTF_8));
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
            RDFWriter.source(description.graph()).format(representation.rdf).output(out);
            ctx.result(out.toByteArray());
        }
    }

    /** {@code base + kind + "/" + slug}, or 404 when kind or slug cannot name a resource. */
    private String iri(String kind, String slug) {
        if (Kind.fromSegment(kind).isEmpty())
            throw ProblemException.notFound("'" + kind + "' is not a kind of resource. Kinds: "
                    + Arrays.stream(Kind.values()).map(Kind::segment).collect(Collectors.joining(", ")) + ".");
        if (!Slugs.isValid(slug))
            throw ProblemException.notFound("'" + slug + "' is not a slug: slugs are lower-case ASCII words joined by '-',"
                    + " e.g. /id/film/ballerina-2025.");
        return base + kind + "/" + slug;
    }

    private static Representation representation(String format, String accept) {
        if (format != null) {
            Representation r = BY_FORMAT.get(format.toLowerCase(Locale.ROOT));
            if (r == null)
                throw ProblemException.badRequest("format must be one of " + FORMATS + ", not '" + format + "'.");
            return r;
        }
        return negotiate(accept).orElseThrow(() -> new ProblemException(406, "Not Acceptable",
                "Accept: " + accept + " matches nothing offered here. Offered: " + OFFERED + " (or ?format=" + FORMATS.replace(", ", "|") + ")."));
    }

    /**
     * The representation with the highest quality for {@code accept} (RFC 9110 section 12.5.1: the most specific
     * matching range sets an offer's quality; q=0 refuses it), ties going to the earlier one in {@link Representation}.
     * Jena's {@link AcceptList} parses the header. No header means anything is acceptable.
     */
    static Optional<Representation> negotiate(String accept) {
        if (accept == null || accept.isBlank())
            return Optional.of(Representation.TURTLE);
        AcceptList ranges;
        try {
            ranges = new AcceptList(accept.toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Representation best = null;
        double bestQuality = 0;
        for (Representation r : Representation.values()) {
            double q = quality(ranges, MediaType.create(r.mediaType));
            if (q > bestQuality) {
                best = r;
                bestQuality = q;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double quality(AcceptList ranges, MediaType offer) {
        MediaRange chosen = null;
        for (MediaRange range : ranges.entries()) {
            if (range.accepts(offer) && (chosen == null || specificity(range) > specificity(chosen)))
                chosen = range;
        }
        return chosen == null ? 0 : chosen.get_q();
    }

    private static int specificity(MediaRange range) {
        if ("*".equals(range.getType()))
            return 0;
        return "*".equals(range.getSubType()) ? 1 : 2;
    }
}
