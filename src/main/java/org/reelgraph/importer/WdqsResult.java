package org.reelgraph.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.jena.graph.Node;
import org.reelgraph.vocab.ExternalIds;
import org.reelgraph.vocab.RG;

/**
 * A Wikidata Query Service result (SPARQL 1.1 JSON) of the query in {@code queries/wikidata/films-for-import.rq}:
 * one binding per film × series × director × cast member × character, with the variables
 * {@code film filmLabel date imdb type series seriesLabel ordinal director directorLabel directorImdb
 * cast castLabel castImdb character characterLabel follows followedBy}; all but {@code film},
 * {@code filmLabel} and {@code date} optional. Rows are folded into the same films and items a dump gives.
 * WDQS shows every date as a day, so a year-precision date reads as 1 January of its year.
 */
final class WdqsResult {
    private static final Pattern DATE = Pattern.compile("[+]?(\\d{4})-(\\d{2})-(\\d{2})(T.*)?");

    private final String file;
    private final ImportProblems problems;

    private static final class FilmRows {
        String label;
        Node type = RG.Film;
        String date;
        String imdb;
        final Map<String, String> series = new LinkedHashMap<>();
        final Set<String> directors = new LinkedHashSet<>();
        final Map<String, Set<String>> cast = new LinkedHashMap<>();
        final Set<String> follows = new LinkedHashSet<>();
        final Set<String> followedBy = new LinkedHashSet<>();
    }

    WdqsResult(String file, ImportProblems problems) {
        this.file = file;
        this.problems = problems;
    }

    void read(WikidataEntities entities, ImportProgress progress, Map<String, WikidataImport.Film> films, Map<String, WikidataImport.Item> items) {
        Map<String, FilmRows> rows = new LinkedHashMap<>();
        entities.readSparqlResult(problems, progress, (line, binding) -> {
            String film = entity(binding, "film");
            String label = literal(binding, "filmLabel");
            String date = literal(binding, "date");
            if (film == null || label == null || date == null) {
                problems.report(file, line, "a binding needs ?film (a Wikidata entity), ?filmLabel and ?date");
                return;
            }
            Matcher m = DATE.matcher(date);
            if (!m.matches()) {
                problems.report(file, line, "?date '" + date + "' is not a date");
                return;
            }
            FilmRows f = rows.computeIfAbsent(film, k -> new FilmRows());
            f.label = label;
            String day = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
            if (f.date == null || day.compareTo(f.date) < 0)
                f.date = day;
            String type = entity(binding, "type");
            if (type != null && WikidataImport.FILM_CLASSES.containsKey(type) && !f.type.equals(RG.Film))
                f.type = WikidataImport.FILM_CLASSES.get(type);
            if (literal(binding, "imdb") != null)
                f.imdb = literal(binding, "imdb");
            String series = entity(binding, "series");
            if (series != null) {
                f.series.merge(series, String.valueOf(literal(binding, "ordinal")), (a, b) -> a.equals("null") ? b : a);
                item(items, series, literal(binding, "seriesLabel"), null);
            }
            String director = entity(binding, "director");
            if (director != null) {
                f.directors.add(director);
                item(items, director, literal(binding, "directorLabel"), literal(binding, "directorImdb"));
            }
            String cast = entity(binding, "cast");
            if (cast != null) {
                Set<String> characters = f.cast.computeIfAbsent(cast, k -> new LinkedHashSet<>());
                item(items, cast, literal(binding, "castLabel"), literal(binding, "castImdb"));
                String character = entity(binding, "character");
                if (character != null) {
                    characters.add(character);
                    item(items, character, literal(binding, "characterLabel"), null);
                }
            }
            if (entity(binding, "follows") != null)
                f.follows.add(entity(binding, "follows"));
            if (entity(binding, "followedBy") != null)
                f.followedBy.add(entity(binding, "followedBy"));
        });
        rows.forEach((id, f) -> {
            List<WikidataImport.SeriesPart> series = new ArrayList<>();
            f.series.forEach((s, ordinal) -> series.add(new WikidataImport.SeriesPart(s, ordinal.equals("null") ? null : ordinal)));
            List<WikidataImport.Credit> cast = new ArrayList<>();
            f.cast.forEach((p, characters) -> cast.add(new WikidataImport.Credit(p, List.copyOf(characters))));
            films.put(id, new WikidataImport.Film(id, f.label, f.type, f.date, Integer.parseInt(f.date.substring(0, 4)), f.imdb,
                    List.copyOf(series), List.copyOf(f.directors), List.copyOf(cast), List.copyOf(f.follows), List.copyOf(f.followedBy)));
        });
    }

    private static void item(Map<String, WikidataImport.Item> items, String id, String label, String imdb) {
        if (label == null || label.isBlank() || label.equals(id))
            return;
        items.merge(id, new WikidataImport.Item(label, imdb), (a, b) -> a.imdb() != null ? a : b);
    }

    /** The Q-id of a variable bound to a Wikidata entity IRI. */
    private static String entity(JsonNode binding, String variable) {
        JsonNode value = binding.path(variable);
        if (!"uri".equals(value.path("type").asText()))
            return null;
        return ExternalIds.wikidataIdOf(value.path("value").asText()).orElse(null);
    }

    private static String literal(JsonNode binding, String variable) {
        JsonNode value = binding.path(variable);
        return value.path("type").asText().equals("literal") || value.path("type").asText().equals("typed-literal")
                ? value.path("value").asText() : null;
    }
}
