package org.reelgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.reelgraph.extract.FilmChoiceTest.film;

import org.junit.jupiter.api.Test;

/**
 * Round 9 (blind-q / blind-r): title and year shapes of the reviewed film, on invented texts (FilmChoiceTest's graph
 * knows Otterby (2015) and Harbour Lights; Night Ferry is unknown).
 */
class FilmTitleShapesTest {
    private static String shown(FilmMention f) {
        return f.title() + " (" + f.year() + ")";
    }

    @Test
    void aSubtitleAfterAKnownTitleRunsOverConnectorsAPossessiveAndALeadingNumber() {
        assertEquals("Otterby: Dawn of the Otters", film("""
                I finally saw Otterby: Dawn of the Otters with my niece. Otterby: Dawn of the Otters is slower than the first
                one, and the otters are fewer, but the river scenes are lovely.
                """).title());
        assertEquals("Otterby: At World's End", film("""
                I finally saw Otterby: At World's End with my niece. Otterby: At World's End is slower than the first one,
                and the otters are fewer, but the river scenes are lovely.
                """).title());
    }

    @Test
    void thePronounIIsNoTitleWord() {
        assertEquals("Otterby: Night Tide", film("""
                I went to the midnight showing of Otterby: Night Tide and I have thoughts. Otterby: Night Tide is loud.
                """).title());
    }

    @Test
    void aTitleThatOpenedInAMonthAndYearHasThatYear() {
        assertEquals("Night Ferry (1998)", shown(film("""
                Our October slot goes to the ferry. Night Ferry opened in August 1998, and it has aged well. Night Ferry is
                short, sharp and sad.
                """)));
    }

    @Test
    void theFilmReleasedInASeasonOfAYearGivesTheYear() {
        assertEquals("Night Ferry (2011)", shown(film("""
                Night Ferry

                Mara Quell's film, released in the spring of 2011 as the fourth of her sea stories, is at heart a story about
                fathers and sons. Night Ferry is slow and sad.
                """)));
    }

    @Test
    void aTitleInCapitalsInsideAMixedCaseHeadlineIsTheTitle() {
        assertEquals("Night Ferry", film("""
                A boat goes down, and so do we

                Storm warning: Quell's NIGHT FERRY is a family drama at sea

                Mara Quell directs Night Ferry as a chamber piece. Night Ferry is slow and sad, and the storm is a storm.
                """).title());
    }

    @Test
    void aDashEndsAHeadlineTitleAsAColonMay() {
        assertEquals("Night Ferry: Into the Deep", film("""
                Night Ferry: Into the Deep \u2014 Nobody Gets Out Dry

                After three ferry films in ten years, Night Ferry: Into the Deep is the strangest, and the best.
                """).title());
    }

    @Test
    void aKnownFilmBeforeTheColonOfARepeatedHeadlineTitleIsNoCandidateOfItsOwn() {
        assertEquals("Otterby: Dawn of the Otters", film("""
                Otterby: Dawn of the Otters

                The second Otterby film has a problem the first did not, and Otterby fans will see it at once. Their answer,
                in Otterby: Dawn of the Otters, is to send everyone downriver, where no Otterby has gone.
                """).title());
    }

    @Test
    void anAllCapitalsHeadlineIsATitleAndATagline() {
        assertEquals("Otterby Otterby (2019)", shown(film("""
                OTTERBY OTTERBY: SINK OR SWIM, MOSTLY SINK

                Mara Quell has made a sequel to her otter film, and Otterby Otterby (2019) feels like the work of a sailor.
                """)));
    }

    @Test
    void aTaglineBeforeTheFirstColonOfAnUndatedHeadlineIsNoPartOfTheTitle() {
        assertEquals("Night Ferry: The Return", film("""
                Salt in the Wound: Night Ferry: The Return

                Mara Quell's Night Ferry: The Return is the ferry film that nobody asked for, and it is fun.
                """).title());
    }

    @Test
    void aColumnLabelInCapitalsBeforeADashIsNoPartOfTheTitle() {
        assertEquals("Night Ferry (2011)", shown(film("""
                FAMILY FILM GUIDE \u2014 Night Ferry (2011)

                Age guide: 6+. The ferry that stole the first film finally gets one of its own in Night Ferry.
                """)));
    }

    @Test
    void aListHeadlineInLowerCaseNamesItsFilmAfterFrom() {
        assertEquals("Night Ferry: The Return", film("""
                7 things we learned from Night Ferry: The Return

                The boat is back, it is two hours long, and we saw it so you don't have to.
                """).title());
    }

    @Test
    void aLowerCaseXJoinsATitleAndACapitalXEndsOne() {
        assertEquals("Storm x Ferry: The New Tide", film("""
                Storm x Ferry: The New Tide review \u2013 two boats, one brain cell

                There is a scene about forty minutes into Storm x Ferry: The New Tide in which the ferry sinks.
                """).title());
        assertEquals("Night Ferry X (2023)", shown(film("""
                Night Ferry X (2023) is the tenth ferry film, and Night Ferry X is the best since the first.
                """)));
    }

    @Test
    void aMonthAndYearInTheFirstParagraphDatesANewFilm() {
        assertEquals("Night Ferry: The Return (2024)", shown(film("""
                Thread: Night Ferry: The Return \u2014 spoiler-light review

                Caught the 7pm showing last night (October 2024, for anyone reading this later). I have stuck with this \
                series through both previous films so I feel qualified to say: this is the weakest of the three.
                Night Ferry: The Return picks up right after the second film.
                """)));
    }

    @Test
    void aYearBeforeASequelNounAfterTheArticleADatesTheFilm() {
        assertEquals("Night Ferry II (2023)", shown(film("""
                Night Ferry II review: the boat is back

                Five years after the first film, the boat returns in a 2023 sequel that is better made. Night Ferry II is
                set in 1956.
                """)));
    }
}
