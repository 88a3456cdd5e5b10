package org.reelgraph.http;

import jakarta.servlet.http.HttpServletRequest;

/** Small facts about servlet requests that several filters need. */
final class Requests {
    private Requests() {}

    /** The request path without the context path, e.g. {@code /reelgraph/sparql}. */
    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
