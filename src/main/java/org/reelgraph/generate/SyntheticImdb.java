package org.reelgraph.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes IMDb-format dataset files of any size ({@code title.basics}, {@code title.principals},
 * {@code name.basics}, {@code title.ratings} {@code .tsv.gz}: gzip, TSV, header, {@code \N}, characters
 * as JSON arrays), streaming and deterministic for a seed, for import benchmarks. Shaped like the
 * real files: mostly movies with some shorts and series, ten principals a title (six cast with
 * characters, a director, a writer, a producer, a composer), persons shared between titles, some
 * names and titles repeated (slug collisions), some without a year.
 */
public final class SyntheticImdb {
    /** What was written. */
    public record Written(long titles, long principals, long persons) {}

    private static final String[] WORDS = {"night", "return", "last", "city", "shadow", "storm", "river", "king", "silent", "iron",
            "dream", "blood", "winter", "star", "lost", "code", "fire", "glass", "wolf", "empire", "ghost", "secret", "dawn", "house"};
    private static final String[] GIVEN = {"Anna", "Ben", "Chloé", "David", "Eva", "Farid", "Grace", "Hiro", "Ines", "Jon", "Kofi", "Lena",
            "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Viktor", "Wen", "Yara", "Zoë"};
    private static final String[] FAMILY = {"Abbott", "Berg", "Castro", "Dubois", "Eriksen", "Fischer", "García", "Hughes", "Ito", "Jensen",
            "Kowalski", "Lopez", "Müller", "Nakamura", "O'Brien", "Petrov", "Quaid", "Rossi", "Singh", "Tanaka", "Ueda", "Varga", "Weber", "Young"};
    private static final String[] GENRES = {"Action", "Adventure", "Comedy", "Crime", "Drama", "Fantasy", "Horror", "Romance", "Sci-Fi", "Thriller"};
    private static final String[] CHARACTERS = {"Detective", "Doctor", "Nurse", "The Stranger", "Mother", "Father", "Sheriff", "Agent", "Captain", "Himself"};
    private static final String[] CREW = {"writer", "producer", "composer"};
    private static final int PRINCIPALS_PER_TITLE = 10;
    private static final int PERSONS_PER_TITLE = 3;

    private SyntheticImdb() {}

    public static Written write(Path dir, long titles, long seed) throws IOException {
        Files.createDirectories(dir);
        long persons = Math.max(10, titles * PERSONS_PER_TITLE);
        SplittableRandom random = new SplittableRandom(seed);
        try (Writer basics = gzip(dir.resolve("title.basics.tsv.gz"));
             Writer ratings = gzip(dir.resolve("title.ratings.tsv.gz"));
             Writer principals = gzip(dir.resolve("title.principals.tsv.gz"))) {
            basics.write("tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n");
            ratings.write("tconst\taverageRating\tnumVotes\n");
            principals.write("tconst\tordering\tnconst\tcategory\tjob\tcharacters\n");
            for (long t = 1; t <= titles; t++) {
                String tconst = id("tt", t);
                int kind = random.nextInt(100);
                String type = kind < 80 ? "movie" : kind < 90 ? "short" : kind < 95 ? "tvSeries" : "tvMovie";
                String title = title(random);
                int year = 1920 + random.nextInt(106);
                if (random.nextInt(40) == 0) {
                    // Remakes and namesakes: the same title in the same year, as IMDb has them.
                    title = "The Remake";
                    year = 2000 + random.nextInt(3);
                }
                String startYear = random.nextInt(50) == 0 ? "\\N" : Integer.toString(year);
                String genres = GENRES[random.nextInt(GENRES.length)] + (random.nextBoolean() ? "," + GENRES[random.nextInt(GENRES.length)] : "");
                String original = random.nextInt(10) == 0 ? title + " (original)" : title;
                basics.write(tconst + "\t" + type + "\t" + title + "\t" + original + "\t0\t" + startYear + "\t\\N\t"
                        + (60 + random.nextInt(120)) + "\t" + genres + "\n");
                if (random.nextInt(4) != 0)
                    ratings.write(tconst + "\t" + (10 + random.nextInt(90)) / 10.0 + "\t" + (5 + random.nextInt(200_000)) + "\n");
                for (int o = 1; o <= PRINCIPALS_PER_TITLE; o++) {
                    String nconst = id("nm", 1 + random.nextLong(persons));
                    String category;
                    String characters = "\\N";
                    if (o <= 6) {
                        category = random.nextBoolean() ? "actor" : "actress";
                        characters = "[\"" + CHARACTERS[random.nextInt(CHARACTERS.length)] + (random.nextInt(3) == 0 ? " " + (1 + random.nextInt(500)) : "") + "\"]";
                    } else if (o == 7) {
                        category = "director";
                    } else {
                        category = CREW[o - 8];
                    }
                    principals.write(tconst + "\t" + o + "\t" + nconst + "\t" + category + "\t\\N\t" + characters + "\n");
                }
            }
        }
        try (Writer names = gzip(dir.resolve("name.basics.tsv.gz"))) {
            names.write("nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n");
            for (long p = 1; p <= persons; p++) {
                String name = GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)]
                        + (random.nextInt(8) == 0 ? "" : " " + (char) ('A' + random.nextInt(26)) + ". " + FAMILY[random.nextInt(FAMILY.length)]);
                names.write(id("nm", p) + "\t" + name + "\t" + (1900 + random.nextInt(100)) + "\t\\N\tactor\t"
                        + id("tt", 1 + random.nextLong(titles)) + "\n");
            }
        }
        return new Written(titles, titles * PRINCIPALS_PER_TITLE, persons);
    }

    private static String title(SplittableRandom random) {
        int words = 1 + random.nextInt(4);
        StringBuilder sb = new StringBuilder("The");
        for (int i = 0; i < words; i++) {
            String w = WORDS[random.nextInt(WORDS.length)];
            sb.append(' ').append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
        }
        if (random.nextInt(3) == 0)
            sb.append(' ').append(1 + random.nextInt(9999));
        return sb.toString();
    }

    private static String id(String prefix, long n) {
        return prefix + String.format("%07d", n);
    }

    private static Writer gzip(Path file) throws IOException {
        // Fast compression: the benchmark measures the import, not this.
        GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }
}
