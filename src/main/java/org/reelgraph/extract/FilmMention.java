package org.reelgraph.extract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The reviewed film: its title and year as the graph knows them (or as the text gives them when the
 * graph does not know the film), its IRI, and the mention it was recognised from.
 *
 * @param inGraph whether the film was found in the gazetteer; a film that is not needs its release
 *                date from elsewhere before the review graph can validate (the text gives only a year)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilmMention(String title, Integer year, String id, Evidence evidence, @JsonIgnore boolean inGraph) {}
