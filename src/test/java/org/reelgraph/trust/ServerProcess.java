package org.reelgraph.trust;

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
import java.util.ArrayList;
import java.util.List;

/**
 * The real service as a separate JVM ({@code org.reelgraph.cli.Main} on the test classpath), so a
 * test can {@code kill -9} it ({@link Process#destroyForcibly()} sends SIGKILL) and start it again.
 */
final class ServerProcess implements AutoCloseable {
    static final String TOKEN = "crash-token-0123456789";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code serve --db db} on a free port and waits until /health answers (the store opened). */
    static ServerProcess start(Path db, Path log, String maxHeap) {
        int port = freePort();
        // G1 on any machine size, so "jcmd PID GC.heap_info" reports one heap total (SoakTest reads it).
        Process process = java(List.of("-Xmx" + maxHeap, "-XX:+UseG1GC"), List.of("serve", "--db", db.toString(), "--port", Integer.toString(port)), log);
        ServerProcess server = new ServerProcess(process, port, log);
        server.awaitHealthy(Duration.ofMinutes(3));
        return server;
    }

    /** A command line of reelgraph in its own JVM (for {@code load}), output appended to {@code log}. */
    static Process java(List<String> jvmOptions, List<String> arguments, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.reelgraph.cli.Main"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("REELGRAPH_TOKEN", TOKEN);
        builder.environment().put("REELGRAPH_HOME", Path.of("").toAbsolutePath().toString());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive())
                throw new AssertionError("the server exited with " + process.exitValue() + " while starting:\n" + tail());
            try {
                HttpResponse<Void> health = CLIENT.send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200)
                    return;
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not answer /health within " + limit + ":\n" + tail());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGKILL, then wait until the process is gone (its TDB2 lock with it). */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long pid() {
        return process.pid();
    }

    /** The last lines the process wrote, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        kill();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
