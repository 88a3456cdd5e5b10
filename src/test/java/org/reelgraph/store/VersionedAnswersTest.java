package org.reelgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VersionedAnswersTest {
    private final Store store = Store.inMemory();
    private final AtomicInteger computed = new AtomicInteger();
    private final VersionedAnswers<String, Long> answers = new VersionedAnswers<>(store, 2);

    @AfterEach
    void close() {
        store.close();
    }

    private long statements(String request) {
        return answers.get(request, () -> {
            computed.incrementAndGet();
            return store.quadCount();
        });
    }

    private void write(String subject) {
        store.write(() -> store.dataset().add(NodeFactory.createURI("urn:x:g"), NodeFactory.createURI(subject),
                NodeFactory.createURI("urn:x:p"), NodeFactory.createLiteralString("o")));
    }

    @Test
    void anAnswerIsComputedOncePerVersionAndAgainAfterAWrite() {
        assertEquals(0, statements("count"));
        assertEquals(0, statements("count"));
        assertEquals(1, computed.get(), "the second request was answered from memory");
        write("urn:x:a");
        assertEquals(1, statements("count"), "a write moves the version on: the answer is read again");
        assertEquals(2, computed.get());
    }

    @Test
    void theLeastRecentlyUsedAnswerGoesFirst() {
        statements("a");
        statements("b");
        statements("a");
        statements("c"); // over the two kept: "b" is dropped
        int before = computed.get();
        statements("a");
        assertEquals(before, computed.get(), "a was used last but one and is kept");
        statements("b");
        assertEquals(before + 1, computed.get(), "b was dropped");
    }
}
