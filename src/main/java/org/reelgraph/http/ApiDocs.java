package org.reelgraph.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import io.javalin.http.Context;

/**
 * The API documentation page {@code /docs}: Swagger UI from the {@code org.webjars:swagger-ui} jar
 * on the class path (no CDN, works offline), pointed at {@code /openapi.json}. Only the files the
 * page uses are served, by name.
 */
final class ApiDocs {
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    private static final String POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** Asset name to media type; all come from the webjar except {@code reelgraph-docs.js}. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png",
            "reelgraph-docs.js", "text/javascript; charset=utf-8");
    private static final String OWN_SCRIPT = "reelgraph-docs.js";

    static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>reelgraph API</title>
              <link rel="stylesheet" href="/docs/swagger-ui.css">
              <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
              <link rel="icon" type="image/png" href="/docs/favicon-16x16.png" sizes="16x16">
            </head>
            <body>
              <noscript>This page needs JavaScript. The API description itself is at <a href="/openapi.json">/openapi.json</a>.</noscript>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js"></script>
              <script src="/docs/reelgraph-docs.js"></script>
            </body>
            </html>
            """;

    private final String webjarDirectory;

    private ApiDocs(String webjarDirectory) {
        this.webjarDirectory = webjarDirectory;
    }

    /** Finds the Swagger UI version on the class path; fails at build time when the jar is missing. */
    static ApiDocs fromClasspath() {
        try (InputStream in = ApiDocs.class.getResourceAsStream(POM)) {
            if (in == null)
                throw new IllegalStateException("Swagger UI (org.webjars:swagger-ui) is not on the class path: /docs needs it");
            Properties pom = new Properties();
            pom.load(in);
            return new ApiDocs(WEBJAR + pom.getProperty("version") + "/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void page(Context ctx) {
        ctx.html(HTML);
    }

    void asset(Context ctx) {
        String name = ctx.pathParam("file");
        String type = ASSETS.get(name);
        if (type == null)
            throw ProblemException.notFound("/docs has no file '" + name + "'. The API documentation is at /docs.");
        String resource = name.equals(OWN_SCRIPT) ? "/docs/" + OWN_SCRIPT : webjarDirectory + name;
        InputStream in = ApiDocs.class.getResourceAsStream(resource);
        if (in == null)
            throw new IllegalStateException(resource + " is missing from the class path");
        // The files change only with a new build; a day of caching spares the 1.7 MB bundle.
        ctx.header("Cache-Control", "public, max-age=86400").contentType(type).result(in);
    }
}
