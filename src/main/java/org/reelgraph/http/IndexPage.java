package org.reelgraph.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The web page at {@code /} (SPARQL editor, chronology view, the endpoints), from the classpath's
 * {@code web/index.html}. The page names the IRI base this server dereferences, so that its scripts can
 * link IRIs under it to the local {@code /id/} pages.
 */
final class IndexPage {
    private static final String TEMPLATE = "web/index.html";
    private static final String ID_BASE_SLOT = "{{idBase}}";

    private final String html;

    IndexPage(String idBase) {
        String template = template();
        if (!template.contains(ID_BASE_SLOT))
            throw new IllegalStateException(TEMPLATE + " has no " + ID_BASE_SLOT + " for the IRI base");
        this.html = template.replace(ID_BASE_SLOT, ResourcePage.escape(idBase));
    }

    String html() {
        return html;
    }

    private static String template() {
        try (InputStream in = IndexPage.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null)
                throw new IllegalStateException("classpath has no " + TEMPLATE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE + " from the classpath", e);
        }
    }
}
