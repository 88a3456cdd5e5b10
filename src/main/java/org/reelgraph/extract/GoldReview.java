package org.reelgraph.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The expected answer for one corpus text ({@code NAME.gold.json}):
 * {@code {"film":{"title","year"},"facts":[{"predicate","object","character"?,"via"?}],"traps":[{"predicate","object"}]}};
 * objects are display names.
 */
public record GoldReview(String title, Integer year, List<Fact> facts, List<Fact> traps) {
    public record Fact(String predicate, String object, String character, String via) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    public static GoldReview read(InputStream in, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": not valid JSON: " + e.getMessage(), e);
        }
        JsonNode film = root.path("film");
        if (!film.path("title").isTextual())
            throw new IllegalArgumentException(name + ": needs \"film\": {\"title\": ..., \"year\": ...}");
        Integer year = film.path("year").isInt() ? film.path("year").asInt() : null;
        return new GoldReview(film.path("title").asText(), year, facts(root.path("facts"), name), facts(root.path("traps"), name));
    }

    private static List<Fact> facts(JsonNode array, String name) {
        List<Fact> out = new ArrayList<>();
        for (JsonNode f : array) {
            if (!f.path("predicate").isTextual() || !f.path("object").isTextual())
                throw new IllegalArgumentException(name + ": every fact and trap needs \"predicate\" and \"object\": " + f);
            out.add(new Fact(f.get("predicate").asText(), f.get("object").asText(), text(f, "character"), text(f, "via")));
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() ? n.get(field).asText() : null;
    }
}
