package org.reelgraph.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Extraction throughput (issue 5 point 10), not a test: warms up, then runs the whole gold corpus
 * repeatedly and the seed alone. Run from the project directory:
 * {@code mvn -q test-compile && java -cp target/test-classes:target/classes:$(cat cp.txt) org.reelgraph.extract.ExtractionBenchmark}
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class ExtractionBenchmark {
    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long t0 = System.nanoTime();
        ReviewExtractor x = ReviewExtractor.withDefaultRules();
        Gazetteer g = Corpus.gazetteer();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        List<Corpus.Review> all = Corpus.all();
        List<String> texts = all.stream().map(Corpus.Review::text).toList();
        // Each text with the gazetteer of its directory (blind-a/ and blind-b/ have their own).
        List<Gazetteer> gaz = all.stream().map(r -> Corpus.gazetteer(r.dir())).toList();
        String seed = Files.readString(Path.of("seeds/ballerina-2025-review.txt"), StandardCharsets.UTF_8);
        long firstSeed = System.nanoTime();
        x.extract(seed, g);
        long firstSeedMs = (System.nanoTime() - firstSeed) / 1_000_000;
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmUntil)
            for (int i = 0; i < texts.size(); i++)
                x.extract(texts.get(i), gaz.get(i));
        int reviews = 0;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime(), end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < texts.size(); i++)
                x.extract(texts.get(i), gaz.get(i));
            reviews += texts.size();
        }
        double perSecond = reviews / ((System.nanoTime() - start) / 1e9);
        double perCpuSecond = reviews / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
        int seedRuns = 200;
        long s0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < seedRuns; i++)
            x.extract(seed, g);
        double seedMs = (System.nanoTime() - s0) / 1e6 / seedRuns;
        double seedCpuMs = (threads.getCurrentThreadCpuTime() - c0) / 1e6 / seedRuns;
        int words = texts.stream().mapToInt(t -> t.split("\\s+").length).sum();
        System.out.printf(Locale.ROOT, "corpus: %d reviews, %d words; models+rules+gazetteer load %d ms; first (cold) seed %d ms%n",
                texts.size(), words, loadMs, firstSeedMs);
        System.out.printf(Locale.ROOT, "warm: %.1f reviews/s wall-clock (single thread, %d s), %.1f reviews per CPU-second; "
                + "seed %.2f ms wall-clock, %.2f ms CPU (mean of %d); load average %.2f on %d CPUs%n",
                perSecond, seconds, perCpuSecond, seedMs, seedCpuMs, seedRuns,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
