package org.reelgraph.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import org.reelgraph.catalog.PageInfo;
import org.reelgraph.catalog.PageRequest;

/**
 * {@code ?offset=&limit=} of the JSON API's lists, and how an answer points at its neighbours: an
 * RFC 8288 {@code Link} header with {@code rel="next"} and {@code rel="prev"} (what GitHub's and
 * Linked Data Platform paging clients follow), {@code X-Total-Count}, and {@code page.next} in
 * object answers. Links keep the request's other parameters and are relative to the server.
 */
final class Paging {
    static final String OFFSET = "offset";
    static final String LIMIT = "limit";

    private Paging() {}

    /** The requested slice; a 400 problem when offset or limit is not acceptable. */
    static PageRequest request(Context ctx) {
        try {
            return PageRequest.parse(ctx.queryParam(OFFSET), ctx.queryParam(LIMIT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage() + ".");
        }
    }

    /** Sets {@code Link} and {@code X-Total-Count}; returns the link to the next page, or null on the last. */
    static String link(Context ctx, PageInfo page) {
        List<String> links = new ArrayList<>();
        String next = page.following().map(r -> uri(ctx, r)).orElse(null);
        if (next != null)
            links.add("<" + next + ">; rel=\"next\"");
        page.preceding().ifPresent(r -> links.add("<" + uri(ctx, r) + ">; rel=\"prev\""));
        if (!links.isEmpty())
            ctx.header("Link", String.join(", ", links));
        ctx.header("X-Total-Count", Integer.toString(page.total()));
        return next;
    }

    /** This request's path and parameters with another offset and limit. */
    static String uri(Context ctx, PageRequest target) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            if (param.getKey().equals(OFFSET) || param.getKey().equals(LIMIT))
                continue;
            for (String value : param.getValue())
                query.append(query.isEmpty() ? "" : "&").append(encode(param.getKey())).append('=').append(encode(value));
        }
        query.append(query.isEmpty() ? "" : "&").append(OFFSET).append('=').append(target.offset())
                .append('&').append(LIMIT).append('=').append(target.limit());
        return ctx.path() + "?" + query;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
