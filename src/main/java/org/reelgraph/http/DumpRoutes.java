package org.reelgraph.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.reelgraph.dump.ByteRange;
import org.reelgraph.dump.DatasetDescription;
import org.reelgraph.dump.DumpFiles;
import org.reelgraph.dump.DumpFormat;
import org.reelgraph.vocab.Prefixes;

/**
 * {@code /dumps/}: the list of dumps (HTML for browsers, JSON otherwise), each dump plain and gzipped,
 * and {@code void.ttl}. Downloads carry ETag and Last-Modified, answer HEAD, conditional GET (304)
 * and byte ranges (206) so big downloads can resume.
 */
final class DumpRoutes {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final DumpFiles files;

    DumpRoutes(DumpFiles files) {
        this.files = files;
    }

    void register(RoutesConfig routes) {
        Handler listing = this::listing;
        routes.get("/dumps", listing);
        routes.head("/dumps", listing);
        routes.get("/dumps/{file}", this::file);
        routes.head("/dumps/{file}", this::file);
    }

    private void listing(Context ctx) {
        List<DumpFiles.DumpFile> dumps = files.all();
        if (prefersHtml(ctx)) {
            ctx.html(listingPage(dumps));
            return;
        }
        List<Map<String, Object>> entries = dumps.stream().map(d -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", d.name());
            e.put("url", "/dumps/" + d.name());
            e.put("mediaType", d.format().mediaType());
            e.put("encoding", d.gzip() ? "gzip" : "identity");
            e.put("bytes", d.bytes());
            e.put(d.format().quads() ? "quads" : "triples", d.statements());
            return e;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", dumps.get(0).version().tag());
        body.put("lastModified", dumps.get(0).version().lastModified().toString());
        body.put("description", "/dumps/void.ttl");
        body.put("sparqlEndpoint", "/reelgraph/sparql");
        body.put("dumps", entries);
        ctx.json(body);
    }

    private void file(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        if (name.equals("void.ttl")) {
            describe(ctx);
            return;
        }
        boolean gzip = name.endsWith(".gz");
        String plain = gzip ? name.substring(0, name.length() - 3) : name;
        Optional<DumpFormat> format = plain.startsWith(DumpFiles.BASENAME + ".")
                ? DumpFormat.byExtension(plain.substring(DumpFiles.BASENAME.length() + 1)) : Optional.empty();
        DumpFiles.DumpFile dump = files.get(format.orElseThrow(() -> ProblemException.notFound("No dump named '" + name
                + "'. Dumps: reelgraph.{ttl,nt,nq,trig,jsonld}, each also .gz; the list is at /dumps/.")), gzip);

        String etag = "\"" + dump.version().tag() + "-" + dump.name() + "\"";
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", HTTP_DATE.format(ZonedDateTime.ofInstant(dump.version().lastModified(), ZoneOffset.UTC)));
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Content-Disposition", "attachment; filename=\"" + dump.name() + "\"");
        ctx.header("Link", "</dumps/void.ttl>; rel=\"describedby\"");
        if (gzip)
            ctx.header("Content-Encoding", "gzip");
        ctx.contentType(dump.format().mediaType() + "; charset=utf-8");
        if (notModified(ctx, etag, dump.version().lastModified())) {
            ctx.status(304);
            return;
        }
        long length = dump.bytes();
        ByteRange range;
        try {
            String ifRange = ctx.header("If-Range");
            range = ifRange == null || ifRange.equals(etag) ? ByteRange.parse(ctx.header("Range"), length).orElse(null) : null;
        } catch (ByteRange.Unsatisfiable e) {
            ctx.header("Content-Range", "bytes */" + length);
            throw new ProblemException(416, "Range Not Satisfiable", "The dump has " + length + " bytes; ask for a range inside it.");
        }
        long first = range == null ? 0 : range.first();
        long count = range == null ? length : range.length();
        if (range != null) {
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + length);
        }
        ctx.header("Content-Length", Long.toString(count));
        if (ctx.method().name().equals("HEAD"))
            return;
        try (InputStream in = Files.newInputStream(dump.path())) {
            in.skipNBytes(first);
            OutputStream out = ctx.outputStream();
            copy(in, out, count);
            out.flush();
        }
    }

    private void describe(Context ctx) {
        String base = ctx.scheme() + "://" + ctx.host();
        var graph = DatasetDescription.describe(base, files.all());
        ctx.contentType("text/turtle; charset=utf-8");
        var model = org.apache.jena.rdf.model.ModelFactory.createModelForGraph(graph);
        model.setNsPrefixes(Prefixes.STANDARD);
        model.setNsPrefix("dcat", org.apache.jena.vocabulary.DCAT.NS);
        if (ctx.method().name().equals("HEAD"))
            return;
        RDFDataMgr.write(ctx.outputStream(), model, Lang.TURTLE);
    }

    private static boolean notModified(Context ctx, String etag, Instant lastModified) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null)
            return ifNoneMatch.strip().equals("*") || Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip).map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(etag::equals);
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince == null)
            return false;
        try {
            return !lastModified.isAfter(ZonedDateTime.parse(ifModifiedSince, HTTP_DATE).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0)
                break;
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    static boolean prefersHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    private static String listingPage(List<DumpFiles.DumpFile> dumps) {
        StringBuilder rows = new StringBuilder();
        for (DumpFiles.DumpFile d : dumps)
            rows.append(String.format("<tr><td><a href=\"/dumps/%1$s\">%1$s</a></td><td>%2$s%3$s</td><td>%4$,d</td><td>%5$,d %6$s</td></tr>%n",
                    d.name(), d.format().mediaType(), d.gzip() ? " (gzip)" : "", d.bytes(), d.statements(), d.format().quads() ? "quads" : "triples"));
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>reelgraph dumps</title></head>
                <body><h1>reelgraph dumps</h1>
                <p>Version %s, last modified %s. Turtle, N-Triples and JSON-LD hold the union of facts;
                N-Quads and TriG every named graph with provenance. Dataset description:
                <a href="/dumps/void.ttl">void.ttl</a> (VoID and DCAT). SPARQL: <code>/reelgraph/sparql</code>.</p>
                <table><thead><tr><th>file</th><th>type</th><th>bytes</th><th>statements</th></tr></thead>
                <tbody>
                %s</tbody></table></body></html>
                """.formatted(dumps.get(0).version().tag(), dumps.get(0).version().lastModified(), rows);
    }
}
