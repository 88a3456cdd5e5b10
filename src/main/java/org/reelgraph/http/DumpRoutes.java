package org.reelgraph.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.reelgraph.dump.DumpFormat;
import org.reelgraph.dump.DumpWriter;

/** {@code /dumps/reelgraph.{ttl,nt,nq,trig}}, streamed from one read transaction. */
final class DumpRoutes {
    private final DumpWriter writer;

    DumpRoutes(DumpWriter writer) {
        this.writer = writer;
    }

    void register(RoutesConfig routes) {
        routes.get("/dumps/{file}", this::dump);
    }

    private void dump(Context ctx) throws Exception {
        String file = ctx.pathParam("file");
        String extension = file.startsWith("reelgraph.") ? file.substring("reelgraph.".length()) : "";
        DumpFormat format = DumpFormat.byExtension(extension).orElseThrow(() -> ProblemException.notFound(
                "No dump named '" + file + "'. Dumps: reelgraph.ttl, reelgraph.nt, reelgraph.nq, reelgraph.trig."));
        ctx.contentType(format.mediaType() + "; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        writer.write(format, ctx.outputStream());
    }
}
