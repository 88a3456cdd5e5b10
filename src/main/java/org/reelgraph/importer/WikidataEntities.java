package org.reelgraph.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a Wikidata file as it is published, one JSON object at a time: an entity dump
 * ({@code [}, then one entity per line each ending in {@code ,}, then {@code ]}; gzip, bzip2 or
 * plain) or a SPARQL JSON result from the Wikidata Query Service (one binding at a time). Each
 * object comes with its line number; a line that is not JSON is a bad row.
 */
final class WikidataEntities {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Format { ENTITY_DUMP, SPARQL_RESULT }

    private final Path path;
    private final String name;

    WikidataEntities(Path path) {
        this.path = path;
        this.name = path.getFileName().toString();
    }

    String name() {
        return name;
    }

    /** A dump starts with {@code [}, a SPARQL result with <code>{</code>. */
    Format format() {
        try {
            CompressedFile.Opened opened = CompressedFile.open(path);
            try (PushbackInputStream in = new PushbackInputStream(opened.data())) {
                int b;
                while ((b = in.read()) >= 0 && Character.isWhitespace(b)) {
                    // skip
                }
                if (b == '[')
                    return Format.ENTITY_DUMP;
                if (b == '{')
                    return Format.SPARQL_RESULT;
                throw new ImportException(name + ":1: neither a Wikidata entity dump (starts with '[') nor a SPARQL JSON result (starts with '{')");
            }
        } catch (NoSuchFileException e) {
            throw new ImportException(name + ": no such file " + path);
        } catch (IOException e) {
            throw new ImportException(name + ":1: cannot read (" + e.getMessage() + ")");
        }
    }

    /** Every entity of a dump, with its line; lines that are not JSON objects go to {@code problems}. */
    void readDump(ImportProblems problems, ImportProgress progress, String pass, BiConsumer<Long, JsonNode> entities) {
        long size = size();
        progress.start(name + " (" + pass + ")", size);
        long line = 0;
        long count = 0;
        try {
            CompressedFile.Opened opened = CompressedFile.open(path);
            try (BufferedReader reader = opened.lines()) {
                String text;
                while ((text = reader.readLine()) != null) {
                    line++;
                    String entity = text.strip();
                    if (entity.endsWith(","))
                        entity = entity.substring(0, entity.length() - 1);
                    if (entity.isEmpty() || entity.equals("[") || entity.equals("]"))
                        continue;
                    JsonNode node;
                    try {
                        node = JSON.readTree(entity);
                    } catch (JsonProcessingException e) {
                        problems.report(name, line, "not a JSON entity (" + e.getOriginalMessage() + ")");
                        continue;
                    }
                    if (node == null || !node.isObject() || !node.path("id").isTextual()) {
                        problems.report(name, line, "not a Wikidata entity (a JSON object with an \"id\")");
                        continue;
                    }
                    entities.accept(line, node);
                    if ((++count & 0x3ff) == 0)
                        progress.advance(count, opened.stored().getCount());
                }
            }
        } catch (java.io.EOFException e) {
            problems.report(name, line + 1, "the compressed data ends early (a truncated download?): the entities from here on are missing");
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
        progress.advance(count, size);
        progress.finish();
    }

    /** Every binding of a SPARQL JSON result ({@code results.bindings[*]}), with the line it starts on. */
    void readSparqlResult(ImportProblems problems, ImportProgress progress, BiConsumer<Long, JsonNode> bindings) {
        progress.start(name, size());
        long count = 0;
        try {
            CompressedFile.Opened opened = CompressedFile.open(path);
            try (JsonParser parser = JSON.getFactory().createParser(opened.data())) {
                if (parser.nextToken() != JsonToken.START_OBJECT)
                    throw new ImportException(name + ":1: not a SPARQL JSON result");
                boolean found = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (!field.equals("results")) {
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = parser.currentName();
                        JsonToken value = parser.nextToken();
                        if (!inner.equals("bindings") || value != JsonToken.START_ARRAY) {
                            parser.skipChildren();
                            continue;
                        }
                        found = true;
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            long line = parser.currentTokenLocation().getLineNr();
                            JsonNode binding = JSON.readTree(parser);
                            bindings.accept(line, binding);
                            if ((++count & 0x3ff) == 0)
                                progress.advance(count, opened.stored().getCount());
                        }
                    }
                }
                if (!found)
                    throw new ImportException(name + ":1: a JSON object without results.bindings: not a SPARQL JSON result");
            }
        } catch (JsonProcessingException e) {
            problems.report(name, e.getLocation() == null ? 1 : e.getLocation().getLineNr(), "not valid JSON (" + e.getOriginalMessage() + "): the bindings from here on are missing");
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
        progress.advance(count, size());
        progress.finish();
    }

    private long size() {
        return CompressedFile.size(path, name);
    }
}
