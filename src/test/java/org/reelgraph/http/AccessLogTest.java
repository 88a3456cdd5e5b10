package org.reelgraph.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccessLogTest extends AgainstRunningServer {
    @Test
    void everyRequestGetsOneInfoLineWithMethodPathStatusAndTime() {
        Logger access = (Logger) LoggerFactory.getLogger("reelgraph.access");
        Level quiet = access.getLevel();
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        access.addAppender(lines);
        access.setLevel(Level.INFO);
        try {
            server.get("/api/films/ballerina-2025");
            server.get("/api/films/nope");
            server.get("/reelgraph/sparql?query=" + RunningServer.encode("ASK {}"));
        } finally {
            access.detachAppender(lines);
            access.setLevel(quiet);
        }
        List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(messages.stream().anyMatch(m -> m.matches("GET /api/films/ballerina-2025 200 \\d+ ms")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.matches("GET /api/films/nope 404 \\d+ ms")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.matches("GET /reelgraph/sparql 200 \\d+ ms")), messages.toString());
        assertTrue(lines.list.stream().allMatch(e -> e.getLevel() == Level.INFO));
    }
}
