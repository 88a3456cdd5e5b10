package org.reelgraph.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.reelgraph.store.StoreRefusal;
import org.reelgraph.store.StoreUnreachable;

/**
 * An error answered as an RFC 9457 problem document. {@code extensions} become extra members
 * (for example the cycle of a chronology conflict).
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.extensions = extensions;
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    /** Seconds a client is told to wait ({@code Retry-After}) when the store cannot be reached. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * 503 when {@code failure} says the store cannot be reached (remote store down, cut off or too
     * slow); the caller adds {@code Retry-After}. Empty for any other failure.
     */
    public static Optional<ProblemException> storeUnavailable(Throwable failure, String store) {
        return StoreUnreachable.in(failure).map(why -> new ProblemException(503, "Service Unavailable",
                "The data store (" + store + ") cannot be reached: " + why.reason() + ". Try again in "
                        + RETRY_AFTER_SECONDS + " seconds; /health says when it is back."));
    }

    /**
     * 502 when {@code failure} says the remote store turned reelgraph's own credentials away (401, 403): the
     * client can do nothing about it, the operator can. Empty for any other failure.
     */
    public static Optional<ProblemException> storeRefused(Throwable failure, String store) {
        return StoreRefusal.in(failure).map(refusal -> new ProblemException(502, "Bad Gateway",
                "The data store (" + store + ") answered " + refusal.answer() + " to reelgraph: the user or password it was"
                        + " started with (--remote-user, --remote-password-file) is no longer accepted there."));
    }

    public int status() {
        return status;
    }

    /** The problem document: {@code type, title, status, detail, instance} and the extensions. */
    public Map<String, Object> body(String instance) {
        return body(status, title, getMessage(), instance, extensions);
    }

    public static Map<String, Object> body(int status, String title, String detail, String instance, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.putAll(extensions);
        return body;
    }
}
