package org.watchbrief.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.watchbrief.analysis.Analyzer;
import org.watchbrief.intake.MetadataParser;
import org.watchbrief.intake.ParsedDocument;
import org.watchbrief.intake.Taxonomies;

/**
 * How many documents per second the analysis gets through on one core: the seeds (or, without
 * {@code ../shared}, the sample inbox's text files) parsed as intake parses them, then analysed
 * over and over on one thread. Prints each round and the median. Not a test: speed depends on the
 * machine and its load.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.watchbrief.benchmark.AnalysisBenchmark} (arguments: rounds, seconds per round).
 */
public final class AnalysisBenchmark {

    private AnalysisBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        List<String> texts = documents();
        Analyzer analyzer = new Analyzer(Taxonomies.load(null));
        LocalDate reference = LocalDate.of(2021, 3, 29);
        int characters = texts.stream().mapToInt(String::length).sum();
        System.out.printf(Locale.ROOT, "%d documents, %d characters on average; warming up%n", texts.size(),
                characters / texts.size());
        run(analyzer, texts, reference, seconds * 2); // let the JIT compile the rules
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            rates[r] = run(analyzer, texts, reference, seconds);
            System.out.printf(Locale.ROOT, "round %d: %,.0f documents/s%n", r + 1, rates[r]);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "median %,.0f documents/s (min %,.0f, max %,.0f) on one thread%n",
                rates[rounds / 2], rates[0], rates[rounds - 1]);
    }

    private static double run(Analyzer analyzer, List<String> texts, LocalDate reference, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long done = 0;
        int sink = 0;
        while (System.nanoTime() < deadline) {
            for (String text : texts) {
                sink += analyzer.analyze(text, reference).events().size();
                done++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (sink == Integer.MIN_VALUE) {
            System.out.println(); // keeps the results alive
        }
        return done / elapsed;
    }

    /** The seeds as the analysis sees them: headline and body, without the layout's metadata. */
    private static List<String> documents() throws IOException {
        Path seeds = Path.of("..", "shared", "seeds");
        Path folder = Files.isDirectory(seeds) ? seeds : Path.of("inbox");
        MetadataParser parser = new MetadataParser();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                ParsedDocument parsed = parser.parse(Files.readString(file).replace("\r\n", "\n"));
                String title = parsed.metadata().title();
                texts.add(title == null ? parsed.body() : title + "\n\n" + parsed.body());
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException("no .txt documents in " + folder.toAbsolutePath());
        }
        return texts;
    }
}
