package org.watchbrief.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

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
 * over and over on one thread. Prints each round and the medians: per second of wall-clock time,
 * per CPU-second of the analysing thread (one core's work, what the target is about) and
 * per CPU-second of the whole process (the analysing thread plus the garbage collector and the
 * compiler working for it). On a shared, loaded machine wall-clock time measures the neighbours
 * as much as the code: the CPU figures are the fair ones. The warm-up lasts until the JIT has
 * compiled the rules (30 seconds by default), since a round measured while the compiler still
 * works counts its CPU too. Not a test: speed depends on the machine and its load.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.watchbrief.benchmark.AnalysisBenchmark -Dexec.args="9 2 30"} (arguments:
 * rounds, seconds per round, seconds of warm-up, and optionally a folder of .txt documents to
 * analyse instead of the seeds, such as a corpus of {@link BackfillBenchmark}).
 */
public final class AnalysisBenchmark {

    /** The most documents taken from a folder. */
    private static final int MOST = 2000;

    private AnalysisBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        double warmUp = args.length > 2 ? Double.parseDouble(args[2]) : 30;
        List<String> texts = documents(args.length > 3 ? Path.of(args[3]) : null);
        Analyzer analyzer = new Analyzer(Taxonomies.load(null));
        LocalDate reference = LocalDate.of(2021, 3, 29);
        int characters = texts.stream().mapToInt(String::length).sum();
        System.out.printf(Locale.ROOT, "%d documents, %d characters on average; warming up%n", texts.size(),
                characters / texts.size());
        run(analyzer, texts, reference, warmUp); // let the JIT compile the rules
        double[] wall = new double[rounds];
        double[] thread = new double[rounds];
        double[] process = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] rate = run(analyzer, texts, reference, seconds);
            wall[r] = rate[0];
            thread[r] = rate[1];
            process[r] = rate[2];
            System.out.printf(Locale.ROOT, "round %d: %,.0f documents/s wall-clock, %,.0f per CPU-second of the "
                    + "thread, %,.0f of the process%n", r + 1, wall[r], thread[r], process[r]);
        }
        System.out.printf(Locale.ROOT, "median %s documents/s wall-clock; %s per CPU-second of the analysing thread; "
                + "%s per CPU-second of the process%n", median(wall), median(thread), median(process));
    }

    /** The median, with the least and the most in brackets. */
    private static String median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%,.0f (min %,.0f, max %,.0f)", sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1]);
    }

    /**
     * Documents per wall-clock second, per CPU-second of this thread and per CPU-second of the
     * whole process (this thread plus the garbage collector and compiler threads working for it).
     */
    private static double[] run(Analyzer analyzer, List<String> texts, LocalDate reference, double seconds) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long threadStart = threads.getCurrentThreadCpuTime();
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
        double thread = (threads.getCurrentThreadCpuTime() - threadStart) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        if (sink == Integer.MIN_VALUE) {
            System.out.println(); // keeps the results alive
        }
        return new double[] { done / elapsed, done / thread, done / cpu };
    }

    /**
     * The documents as the analysis sees them: headline and body, without the layout's metadata; the
     * first {@value #MOST} text files of {@code given} (a generated corpus, say), else the seeds.
     */
    private static List<String> documents(Path given) throws IOException {
        Path seeds = Path.of("..", "shared", "seeds");
        Path folder = given != null ? given : Files.isDirectory(seeds) ? seeds : Path.of("inbox");
        MetadataParser parser = new MetadataParser();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().limit(MOST).toList()) {
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
