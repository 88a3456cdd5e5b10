package org.reelgraph.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.reelgraph.testing.ChildProcesses;

/**
 * {@code reelgraph serve --remote ...} as its own OS process (this JVM's class path, the CLI's main
 * class), in a project home of its own (links to ontology/, data/, seeds/, and its own run/ for the
 * dumps), with the test token: a second front end over a store another one also uses.
 */
final class ReelgraphProcess implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;
    private final List<Path> links;

    private ReelgraphProcess(Process process, int port, Path log, List<Path> links) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.links = links;
    }

    static ReelgraphProcess serveRemote(Path home, String queryEndpoint, String... options) {
        try {
            List<Path> links = linkProject(home);
            int port = ChildProcesses.freePort();
            Path log = home.resolve("serve.log");
            ProcessBuilder builder = serve(home, queryEndpoint, port, options).redirectOutput(log.toFile());
            ReelgraphProcess serve = new ReelgraphProcess(builder.start(), port, log, links);
            serve.awaitHealthy();
            return serve;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a {@code serve} that stopped by itself ended: its exit code and all it printed. */
    record Ended(int exit, String output) {}

    /** {@code serve --remote ...} that is expected to stop by itself (bad options, a store that turns it away) within {@code within}. */
    static Ended serveRemoteUntilItStops(Path home, String queryEndpoint, Duration within, String... options) {
        try {
            List<Path> links = linkProject(home);
            Path log = home.resolve("serve.log");
            Process process = serve(home, queryEndpoint, ChildProcesses.freePort(), options).redirectOutput(log.toFile()).start();
            try {
                if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                    throw new IllegalStateException("serve still running after " + within + ": " + Files.readString(log));
                return new Ended(process.exitValue(), Files.readString(log));
            } finally {
                ChildProcesses.stop(process, Duration.ofSeconds(10));
                for (Path link : links)
                    Files.deleteIfExists(link);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> linkProject(Path home) throws IOException {
        Path project = Path.of("").toAbsolutePath();
        Files.createDirectories(home);
        List<Path> links = new ArrayList<>();
        for (String dir : List.of("ontology", "data", "seeds", "queries"))
            links.add(Files.createSymbolicLink(home.resolve(dir), project.resolve(dir)));
        return links;
    }

    private static ProcessBuilder serve(Path home, String queryEndpoint, int port, String... options) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), "org.reelgraph.cli.Main",
                "serve", "--remote", queryEndpoint, "--port", Integer.toString(port)));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("REELGRAPH_HOME", home.toString());
        builder.environment().put("REELGRAPH_TOKEN", RunningServer.TOKEN);
        return builder;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitHealthy() throws IOException {
        try {
            ChildProcesses.awaitOk(process, "reelgraph serve", uri("/health"), START, log);
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops this process only (SIGTERM, then SIGKILL if it lingers), and removes the links into the project. */
    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
        for (Path link : links) {
            try {
                Files.deleteIfExists(link);
            } catch (IOException e) {
                // the temporary directory's cleanup tries again
            }
        }
    }
}
