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
            Path project = Path.of("").toAbsolutePath();
            Files.createDirectories(home);
            List<Path> links = new ArrayList<>();
            for (String dir : List.of("ontology", "data", "seeds", "queries"))
                links.add(Files.createSymbolicLink(home.resolve(dir), project.resolve(dir)));
            int port = ChildProcesses.freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-cp", System.getProperty("java.class.path"), "org.reelgraph.cli.Main",
                    "serve", "--remote", queryEndpoint, "--port", Integer.toString(port)));
            command.addAll(List.of(options));
            Path log = home.resolve("serve.log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("REELGRAPH_HOME", home.toString());
            builder.environment().put("REELGRAPH_TOKEN", RunningServer.TOKEN);
            ReelgraphProcess serve = new ReelgraphProcess(builder.start(), port, log, links);
            serve.awaitHealthy();
            return serve;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
