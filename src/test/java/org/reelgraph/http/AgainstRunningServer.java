package org.reelgraph.http;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Tests of one class share one real server, started on a free port over a fresh TDB2 store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgainstRunningServer {
    protected RunningServer server;

    @BeforeAll
    void startServer(@TempDir Path db) {
        server = RunningServer.start(db);
    }

    @AfterAll
    void stopServer() {
        if (server != null)
            server.close();
    }
}
