package org.reelgraph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The standalone Fuseki server jar from Maven Central ({@code org.apache.jena:jena-fuseki-server},
 * copied to {@code target/engines/} by the build), started as its own process over its own TDB2 in
 * a temporary directory, on a free port, with updates allowed: the remote store of the tests.
 */
public final class StandaloneFuseki implements AutoCloseable {
    public static final Path JAR = Path.of("target", "engines", "jena-fuseki-server.jar");
    private static final Duration START = Duration.ofSeconds(90);

    private final Process process;
    private final int port;
    private final Path log;

    private StandaloneFuseki(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the engine over a new TDB2 in {@code directory}; waits until its query endpoint answers. */
    public static StandaloneFuseki start(Path directory) {
        if (!Files.isRegularFile(JAR))
            throw new IllegalStateException(JAR + " is missing: the build copies it (mvn process-test-resources)");
        try {
            Path db = Files.createDirectories(directory.resolve("tdb2"));
            Path log = directory.resolve("fuseki.log");
            int port = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-jar", JAR.toAbsolutePath().toString(),
                    "--tdb2", "--loc", db.toString(), "--update", "--localhost", "--port", Integer.toString(port), "/ds"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            StandaloneFuseki fuseki = new StandaloneFuseki(process, port, log);
            fuseki.awaitReady();
            return fuseki;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dataset's query endpoint, {@code http://127.0.0.1:PORT/ds/sparql}. */
    public String queryEndpoint() {
        return "http://127.0.0.1:" + port + "/ds/sparql";
    }

    private void awaitReady() throws IOException {
        try {
            ChildProcesses.awaitOk(process, "Fuseki", URI.create(queryEndpoint() + "?query=ASK%7B%7D"), START, log);
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
    }

    private static int freePort() {
        return ChildProcesses.freePort();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS))
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
