package org.reelgraph.cli;

import java.nio.file.Path;

import org.reelgraph.load.Sources;

/**
 * The project directory that holds {@code ontology/}, {@code data/}, {@code seeds/} and {@code run/}:
 * {@code REELGRAPH_HOME} (set by the launcher), else the working directory.
 */
record ProjectHome(Path dir) {
    static ProjectHome fromEnvironment() {
        String env = System.getenv("REELGRAPH_HOME");
        return new ProjectHome(Path.of(env != null && !env.isBlank() ? env : "").toAbsolutePath().normalize());
    }

    Sources sources() {
        return new Sources(dir);
    }

    Path run() {
        return dir.resolve("run");
    }
}
