package org.reelgraph.store;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK client with default request timeouts: every request sent without its own timeout gets
 * the one {@code timeouts} gives it (reads and writes differ, see {@link RemoteTimeouts}), so a remote store that accepts the connection but never answers (stopped, swapping,
 * a half-open socket) cannot hold a request thread longer than that. {@code RDFConnectionRemote} has
 * no timeout setting of its own; Jena's HTTP executions only set one when a caller asks for it, and
 * the JDK client has only a connect timeout. The timeout runs until the response headers arrive
 * (the JDK's meaning of {@link HttpRequest.Builder#timeout}), not over a long streamed body.
 */
final class TimedHttpClient extends HttpClient {
    /** How much later than the JDK's own timeout this client gives up by itself. */
    private static final long GRACE_MILLIS = 250;

    private final HttpClient client;
    private final Function<HttpRequest, Duration> timeouts;

    /** {@code timeouts}: the timeout of a request, or null for none. */
    TimedHttpClient(HttpClient client, Function<HttpRequest, Duration> timeouts) {
        this.client = client;
        this.timeouts = timeouts;
    }

    private Duration timeoutOf(HttpRequest request) {
        return request.timeout().orElseGet(() -> timeouts.apply(request));
    }

    private static HttpRequest timed(HttpRequest request, Duration timeout) {
        if (timeout == null || request.timeout().isPresent())
            return request;
        return HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
    }

    /**
     * The JDK's own timeout does not fire while a request body is still being handed over (measured:
     * a forwarded POST to a frozen store waited past it), so the answer is also bounded here, a
     * little later, and the exchange cancelled.
     */
    private static <T> CompletableFuture<HttpResponse<T>> bounded(CompletableFuture<HttpResponse<T>> sent, Duration timeout) {
        if (timeout == null)
            return sent;
        CompletableFuture<HttpResponse<T>> answer = new CompletableFuture<>();
        sent.whenComplete((response, failure) -> {
            if (failure == null)
                answer.complete(response);
            else
                answer.completeExceptionally(failure);
        });
        CompletableFuture.delayedExecutor(timeout.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
            if (answer.completeExceptionally(new HttpTimeoutException("no answer within " + timeout.toMillis() + " ms")))
                sent.cancel(true);
        });
        return answer;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        Duration timeout = timeoutOf(request);
        CompletableFuture<HttpResponse<T>> answer = bounded(client.sendAsync(timed(request, timeout), handler), timeout);
        try {
            return answer.get();
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io)
                throw io;
            if (cause instanceof RuntimeException runtime)
                throw runtime;
            if (cause instanceof Error error)
                throw error;
            throw new IOException(cause);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        Duration timeout = timeoutOf(request);
        return bounded(client.sendAsync(timed(request, timeout), handler), timeout);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        Duration timeout = timeoutOf(request);
        return bounded(client.sendAsync(timed(request, timeout), handler, push), timeout);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return client.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return client.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return client.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return client.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return client.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return client.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return client.authenticator();
    }

    @Override
    public Version version() {
        return client.version();
    }

    @Override
    public Optional<Executor> executor() {
        return client.executor();
    }
}
