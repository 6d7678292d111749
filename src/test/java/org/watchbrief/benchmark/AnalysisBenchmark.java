package org.watchbrief.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;

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

import com.sun.management.OperatingSystemMXBean;

/**
 * How many documents per second the analysis gets through on one core: the seeds (or, without
 * {@code ../shared}, the sample inbox's text files) parsed as intake parses them, then analysed
 * over and over on one thread. Prints each round and the medians, both per second of wall-clock
 * time and per second of the process's CPU time (the analysing thread, and the garbage collector
 * and compiler working for it); on a shared, loaded machine the second is the fairer measure of
 * one core. Not a test: speed depends on the machine and its load.
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
        run(analyzer, texts, reference, Math.max(10, seconds * 3)); // let the JIT compile the rules
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] rate = run(analyzer, texts, reference, seconds);
            wall[r] = rate[0];
            cpu[r] = rate[1];
            System.out.printf(Locale.ROOT, "round %d: %,.0f documents/s wall-clock, %,.0f per CPU-second%n", r + 1,
                    wall[r], cpu[r]);
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "median %,.0f documents/s wall-clock (min %,.0f, max %,.0f), %,.0f per "
                + "CPU-second (min %,.0f, max %,.0f)%n", wall[rounds / 2], wall[0], wall[rounds - 1],
                cpu[rounds / 2], cpu[0], cpu[rounds - 1]);
    }

    /**
     * Documents per wall-clock second and per CPU-second of the whole process (the analysing
     * thread plus the garbage collector and compiler threads working for it).
     */
    private static double[] run(Analyzer analyzer, List<String> texts, LocalDate reference, double seconds) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        long done = 0;
        int sink = 0;
        while (System.nanoTime() < deadline) {
            for (String text : texts) {
                sink += analyzer.analyze(text, reference).events().size();
                done++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        if (sink == Integer.MIN_VALUE) {
            System.out.println(); // keeps the results alive
        }
        return new double[] { done / elapsed, done / cpu };
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
