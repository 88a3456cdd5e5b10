package org.reelgraph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What the tests' engine processes (Fuseki, Virtuoso, a second reelgraph) share: a free port, waiting until they answer. */
public final class ChildProcesses {
    private ChildProcesses() {}

    /** A port that was free a moment ago on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until a GET of {@code probe} answers 200; fails at once, with {@code log}, when the process exits, and
     * after {@code within} when it never answers.
     */
    public static void awaitOk(Process process, String name, URI probe, Duration within, Path log) throws IOException {
        awaitOk(process, name, probe, within, log, null);
    }

    /** As above, the probe sent with this {@code Authorization} header (null: none). */
    public static void awaitOk(Process process, String name, URI probe, Duration within, Path log, String authorization) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive())
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + Files.readString(log));
                try {
                    HttpRequest.Builder request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(10));
                    if (authorization != null)
                        request.header("Authorization", authorization);
                    if (client.send(request.build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
                        return;
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(name + " did not answer " + probe.getPath() + " within " + within + ": " + Files.readString(log));
    }

    /** Stops this process only: SIGTERM, then SIGKILL if it is still there after {@code grace}. */
    public static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS))
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
