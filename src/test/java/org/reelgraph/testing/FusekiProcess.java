package org.reelgraph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standalone Fuseki jar ({@link #JAR}) as a process the backend and fault tests start, and can hurt:
 * killed with SIGKILL, frozen with SIGSTOP, and started again on the same port over the same TDB2
 * directory, as an operator restarting a crashed store would. Only the process started here is
 * ever signalled. Started with a user and password, the whole server asks for them (HTTP Basic, Fuseki's
 * {@code --passwd} file of {@code user: password} lines).
 */
public final class FusekiProcess implements AutoCloseable {
    /** The standalone jena-fuseki-server 5.6.0 jar, which the build copies here (maven-dependency-plugin). */
    public static final Path JAR = Path.of("target", "engines", "jena-fuseki-server.jar");
    private static final Duration START = Duration.ofSeconds(90);
    private static final java.util.regex.Pattern REQUEST = java.util.regex.Pattern.compile(" INFO  \\[(\\d+)\\] (GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH) ");

    private final Path directory;
    private final int port;
    /** Null for an open server. */
    private final String user, password;
    private Process process;
    private int starts;
    /** The log of the current start. */
    private Path log;

    private FusekiProcess(Path directory, int port, String user, String password) {
        this.directory = directory;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** A new store in {@code directory} (its TDB2 in {@code directory/tdb2}) on a free port, answering. */
    public static FusekiProcess start(Path directory) {
        return start(directory, null, null);
    }

    /** As {@link #start(Path)}, every request needing {@code user} and {@code password} (HTTP Basic); both null: none. */
    public static FusekiProcess start(Path directory, String user, String password) {
        FusekiProcess fuseki = new FusekiProcess(directory, ChildProcesses.freePort(), user, password);
        fuseki.restart();
        return fuseki;
    }

    public int port() {
        return port;
    }

    public String queryEndpoint() {
        return "http://127.0.0.1:" + port + "/ds/sparql";
    }

    public long pid() {
        return process.pid();
    }

    /** Starts the engine (again) on the same port and TDB2 directory; returns once it answers a query. */
    public void restart() {
        if (process != null && process.isAlive())
            throw new IllegalStateException("Fuseki is still running (pid " + process.pid() + ")");
        if (!Files.isRegularFile(JAR))
            throw new IllegalStateException(JAR + " is missing: the build copies it (mvn -DskipTests package)");
        try {
            Path db = Files.createDirectories(directory.resolve("tdb2"));
            log = directory.resolve("fuseki-" + (++starts) + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx384m", "-jar", JAR.toAbsolutePath().toString(),
                    "--tdb2", "--loc", db.toString(), "--update", "--localhost", "--port", Integer.toString(port)));
            if (user != null) {
                Path passwd = directory.resolve("passwd");
                Files.writeString(passwd, user + ": " + password + "\n");
                command.addAll(List.of("--passwd=" + passwd, "--auth=basic"));
            }
            command.add("/ds");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitReady(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many requests this start of the engine has taken: Fuseki numbers each in its log ({@code [N] GET ...}). */
    public long requestsLogged() {
        try (var lines = Files.lines(log)) {
            return lines.map(REQUEST::matcher).filter(java.util.regex.Matcher::find).mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook, TDB2 left as the kill found it. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS))
                throw new IllegalStateException("Fuseki (pid " + process.pid() + ") did not die");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGSTOP: the port still accepts connections (the kernel does), but nothing answers. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0)
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        try {
            String authorization = user == null ? null : "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ChildProcesses.awaitOk(process, "Fuseki", URI.create(queryEndpoint() + "?query=ASK%7B%7D"), START, log, authorization);
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive())
            return;
        // A frozen process ignores SIGTERM until it runs again.
        signal("CONT");
        ChildProcesses.stop(process, Duration.ofSeconds(15));
    }
}
