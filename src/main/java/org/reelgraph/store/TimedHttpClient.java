package org.reelgraph.store;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
    private final HttpClient client;
    private final Function<HttpRequest, Duration> timeouts;

    /** {@code timeouts}: the timeout of a request, or null for none. */
    TimedHttpClient(HttpClient client, Function<HttpRequest, Duration> timeouts) {
        this.client = client;
        this.timeouts = timeouts;
    }

    private HttpRequest timed(HttpRequest request) {
        Duration timeout = request.timeout().isPresent() ? null : timeouts.apply(request);
        if (timeout == null)
            return request;
        return HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        return client.send(timed(request), handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return client.sendAsync(timed(request), handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        return client.sendAsync(timed(request), handler, push);
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
