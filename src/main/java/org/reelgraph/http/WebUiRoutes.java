package org.reelgraph.http;

import java.util.Map;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.staticfiles.StaticFileConfig;

/**
 * The web UI: the page at {@code /}, its own scripts and styles under {@code /ui}, YASGUI (which the build
 * takes from the npm registry) under {@code /yasgui/{version}/}, and the example queries at
 * {@code /ui/queries.json}. All of it is on the classpath, so the page loads nothing from anywhere else.
 * Kept outside {@code /api}, whose routes the OpenAPI document describes.
 */
final class WebUiRoutes {
    private static final String HTML = "text/html; charset=utf-8";

    private final IndexPage page;
    private final ExampleQueries queries;

    /** {@code idBase}: the IRI base this server dereferences at {@code /id/}. */
    WebUiRoutes(String idBase) {
        this.page = new IndexPage(idBase);
        this.queries = ExampleQueries.fromClasspath();
    }

    void register(JavalinConfig config) {
        // Unversioned names: revalidate every time (Jetty answers 304 on an unchanged ETag).
        classpathFiles(config, "/ui", "/web/ui", "no-cache");
        // The version is in the path, so a file there never changes.
        classpathFiles(config, "/yasgui", "/web/yasgui", "public, max-age=31536000, immutable");
        config.routes.get("/", ctx -> ctx.contentType(HTML).result(page.html()));
        config.routes.get("/ui/queries.json", ctx -> ctx.json(queries.all()));
    }

    /** Scripts and styles are UTF-8; Jetty's types name no charset. */
    private static void classpathFiles(JavalinConfig config, String hostedPath, String directory, String cacheControl) {
        config.staticFiles.add(files -> {
            files.hostedPath = hostedPath;
            files.directory = directory;
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", cacheControl);
            utf8(files);
        });
    }

    private static void utf8(StaticFileConfig files) {
        files.mimeTypes.add("text/javascript; charset=utf-8", "js");
        files.mimeTypes.add("text/css; charset=utf-8", "css");
    }
}
