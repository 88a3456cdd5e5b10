package org.reelgraph.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * OpenLink Virtuoso 7 from Debian ({@code virtuoso-opensource}), started as its own process
 * ({@code virtuoso-t +foreground}) with a generated {@code virtuoso.ini} and its database in a
 * temporary directory, SQL and HTTP on free loopback ports; SPARQL Update (and with it the Graph Store
 * Protocol at {@code /sparql-graph-crud}) granted to the anonymous {@code SPARQL} user, as Virtuoso's
 * documentation describes. Started with a user and password, that SQL user also may query and update
 * through {@code /sparql-auth} (HTTP Digest) and {@code /sparql-graph-crud-auth}. Stopped by its own
 * process handle, never by name.
 */
public final class VirtuosoServer implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(90);

    private final Process process;
    private final int sqlPort, httpPort;
    private final Path log;

    private VirtuosoServer(Process process, int sqlPort, int httpPort, Path log) {
        this.process = process;
        this.sqlPort = sqlPort;
        this.httpPort = httpPort;
        this.log = log;
    }

    /** {@code virtuoso-t} and {@code isql-vt} on the PATH, or why not. */
    public static Optional<String> missing() {
        for (String program : List.of("virtuoso-t", "isql-vt"))
            if (onPath(program).isEmpty())
                return Optional.of(program + " is not on the PATH (Debian: apt-get install virtuoso-opensource)");
        return Optional.empty();
    }

    /**
     * As {@link #missing()}, for a test class that skips its Virtuoso variant, with this reason, where Virtuoso is
     * not installed; in CI ({@code CI=true}) a missing Virtuoso is a failure, so the suite never silently shrinks.
     */
    public static Optional<String> missingOutsideCi() {
        Optional<String> missing = missing();
        if (missing.isPresent() && "true".equals(System.getenv("CI")))
            throw new IllegalStateException("CI=true and Virtuoso is missing: " + missing.get());
        return missing;
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program)))
                return Optional.of(Path.of(dir, program));
        return Optional.empty();
    }

    /** Starts a new, empty Virtuoso in {@code directory}; waits until its SPARQL endpoint answers, then grants updates. */
    public static VirtuosoServer start(Path directory) {
        return start(directory, null, null);
    }

    /**
     * As {@link #start(Path)}, and a user {@code user} with {@code password} (both null: none) who may query
     * and update through {@link #authQueryEndpoint()}.
     */
    public static VirtuosoServer start(Path directory, String user, String password) {
        missing().ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        try {
            Path dir = Files.createDirectories(directory).toAbsolutePath();
            int sql = ChildProcesses.freePort(), http = ChildProcesses.freePort();
            Path ini = dir.resolve("virtuoso.ini");
            Files.writeString(ini, ini(dir, sql, http));
            Path log = dir.resolve("stdout.log");
            Process process = new ProcessBuilder(List.of(onPath("virtuoso-t").orElseThrow().toString(), "+foreground",
                    "+configfile", ini.toString())).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            VirtuosoServer server = new VirtuosoServer(process, sql, http, log);
            try {
                server.awaitReady();
                // The anonymous web user "SPARQL" may read only; SPARQL_UPDATE also opens /sparql-graph-crud.
                server.isql(sql, "grant SPARQL_UPDATE to \"SPARQL\";");
                // /sparql-auth checks the SQL users (Digest); SPARQL_SELECT lets one query, SPARQL_UPDATE write.
                if (user != null)
                    server.isql(sql, "DB.DBA.USER_CREATE ('" + user + "', '" + password + "'); grant SPARQL_SELECT to \"" + user
                            + "\"; grant SPARQL_UPDATE to \"" + user + "\";");
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Small buffers (about 80 MB; Debian's ini asks for the same), no limit that cuts answers short:
     * Virtuoso ends a SELECT answer at {@code ResultSetMaxRows} without an error (Debian's ini: 10,000), and
     * a dump reads each graph with one SELECT.
     */
    private static String ini(Path dir, int sql, int http) {
        return """
                [Database]
                DatabaseFile = %1$s/virtuoso.db
                ErrorLogFile = %1$s/virtuoso.log
                LockFile = %1$s/virtuoso.lck
                TransactionFile = %1$s/virtuoso.trx
                xa_persistent_file = %1$s/virtuoso.pxa
                ErrorLogLevel = 7
                FileExtend = 200
                Striping = 0
                TempStorage = TempDatabase
                [TempDatabase]
                DatabaseFile = %1$s/virtuoso-temp.db
                TransactionFile = %1$s/virtuoso-temp.trx
                Striping = 0
                [Parameters]
                ServerPort = 127.0.0.1:%2$d
                DisableUnixSocket = 1
                MaxClientConnections = 20
                CheckpointInterval = 60
                CaseMode = 2
                DirsAllowed = .
                NumberOfBuffers = 10000
                MaxDirtyBuffers = 6000
                MaxQueryMem = 256M
                ThreadsPerQuery = 2
                [HTTPServer]
                ServerPort = 127.0.0.1:%3$d
                ServerRoot = /var/lib/virtuoso-opensource-7/vsp
                MaxClientConnections = 20
                ServerThreads = 20
                MaxKeepAlives = 20
                KeepAliveTimeout = 10
                EnabledGzipContent = 0
                [SPARQL]
                ResultSetMaxRows = 10000000
                MaxQueryExecutionTime = 120
                """.formatted(dir, sql, http);
    }

    /** The SPARQL endpoint (query and update), {@code http://127.0.0.1:PORT/sparql}. */
    public String queryEndpoint() {
        return "http://127.0.0.1:" + httpPort + "/sparql";
    }

    /** The endpoint that asks for a user (HTTP Digest), {@code http://127.0.0.1:PORT/sparql-auth}. */
    public String authQueryEndpoint() {
        return "http://127.0.0.1:" + httpPort + "/sparql-auth";
    }

    /** Gives {@code user} a new password, as an administrator rotating it would; effective on the next request. */
    public void setPassword(String user, String password) {
        try {
            isql(sqlPort, "USER_SET_PASSWORD ('" + user + "', '" + password + "');");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void isql(int sqlPort, String statement) throws IOException {
        Process isql = new ProcessBuilder(List.of(onPath("isql-vt").orElseThrow().toString(), "127.0.0.1:" + sqlPort, "dba", "dba",
                "exec=" + statement)).redirectErrorStream(true).start();
        String out = new String(isql.getInputStream().readAllBytes());
        try {
            if (!isql.waitFor(30, TimeUnit.SECONDS) || isql.exitValue() != 0 || out.contains("*** Error"))
                throw new IllegalStateException("isql-vt " + statement + " failed: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() throws IOException {
        ChildProcesses.awaitOk(process, "Virtuoso", URI.create(queryEndpoint() + "?query=ASK%7B%7D"), START, log);
    }

    /** SIGTERM (Virtuoso shuts down cleanly on it), then SIGKILL if it is still there after 20 s. */
    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
    }
}
