package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A headline that is only a title and its year keeps the title's first word even when the tagger reads it as a verb
 * ("Sing 2", "Ralph Breaks the Internet" in blind-w and blind-x lost their year); a sentence that only starts with
 * a verb before a dated title still does not take the verb into the title.
 */
class HeadlineTitleTest {
    private static FilmMention film(String text) {
        return ReviewExtractor.withDefaultRules().extract(text, FilmChoiceTest.GAZ).film();
    }

    @Test
    void aHeadlineOfATitleAndItsYearIsThatFilmOfThatYear() {
        for (String headline : new String[] {"Sing Along 2 (2021)", "Dance Breaks the Night (2018) \u2013 Review", "SING ALONG 2 (2021)"}) {
            String title = headline.replaceFirst(" \\(.*", "");
            FilmMention film = film(headline + "\n\n" + title + " is a delight from start to end. Directed by Hal Brooner.\n");
            assertEquals(title, film.title(), headline);
            assertEquals(headline.contains("2018") ? 2018 : 2021, film.year(), headline);
        }
    }

    @Test
    void aVerbBeforeADatedTitleInProseIsNotPartOfIt() {
        FilmMention film = film("Watching Harbour Lights (2009) again, I still like it. Directed by Hal Brooner.\n");
        assertEquals("Harbour Lights", film.title());
        assertEquals(2009, film.year());
    }
}
