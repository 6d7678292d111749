package org.watchbrief.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The backfill benchmark: for each corpus size, a generated corpus ({@link CorpusGenerator}) is
 * taken in by intake into a new H2 store, then intake runs again with nothing new, then the digest
 * of a window of about 1,000 relevant documents is composed and rendered. Each is a JVM of its own
 * ({@link BenchmarkRun}) started as {@code watchbrief} is, under {@code -Xmx512m}, so that its peak
 * heap and RSS are its own. Prints a table of medians and writes it to {@code BENCHMARKS.md} with
 * the machine, its load, the date and how to reproduce.
 *
 * <p>Run: {@code ./mvnw -B -q -Pbenchmark test-compile exec:exec} (properties:
 * {@code -Dbenchmark.sizes=10000,100000,1000000}, {@code -Dbenchmark.runs=3},
 * {@code -Dbenchmark.dir=/tmp/watchbrief-benchmark}; {@code -Dbenchmark.runs.largest=1} to run
 * the largest size once). Corpora are kept in the folder between runs; stores are made again.
 */
public final class BackfillBenchmark {

    private static final String HEAP = "-Xmx512m";

    /** The heading from which BENCHMARKS.md is written by hand, and kept when the benchmark writes the table again. */
    private static final String NOTES = "## What the time is spent on";

    private BackfillBenchmark() {
    }

    /** One size's runs: each run's figures per step, by step name; when and under what load they were measured. */
    private record Size(int documents, long bytes, List<Map<String, Map<String, String>>> runs, String measured) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("benchmark.sizes", "10000,100000,1000000").split(","))
            .map(String::strip).map(Integer::parseInt).toList();
        int runs = Integer.getInteger("benchmark.runs", 3);
        int largestRuns = Integer.getInteger("benchmark.runs.largest", runs);
        Path dir = Path.of(System.getProperty("benchmark.dir", "/tmp/watchbrief-benchmark")).toAbsolutePath();
        Path report = Path.of(System.getProperty("benchmark.report", "BENCHMARKS.md")).toAbsolutePath();
        double loadBefore = load();
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16);
        List<Size> results = new ArrayList<>();
        int largest = sizes.stream().max(Integer::compare).orElseThrow();
        for (int documents : sizes) {
            Path corpus = dir.resolve("corpus-" + documents);
            long generating = System.nanoTime();
            long bytes = new CorpusGenerator(1).write(corpus, documents);
            System.out.printf(Locale.ROOT, "corpus of %,d documents (%,d bytes) ready in %s (%.0f s)%n", documents, bytes,
                    corpus, (System.nanoTime() - generating) / 1e9);
            List<Map<String, Map<String, String>>> sizeRuns = new ArrayList<>();
            for (int run = 1; run <= (documents == largest ? largestRuns : runs); run++) {
                Path store = dir.resolve("store-" + documents);
                delete(store);
                Map<String, Map<String, String>> steps = new LinkedHashMap<>();
                for (String step : List.of("intake", "routine", "digest")) {
                    Map<String, String> figures = child(step, store, corpus);
                    steps.put(step, figures);
                    System.out.printf("%,d documents, run %d, %s: %s%n", documents, run, step, figures);
                }
                sizeRuns.add(steps);
            }
            Size size = new Size(documents, bytes, sizeRuns, String.format(Locale.ROOT, "%s UTC, load %.1f",
                    ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16),
                    load()));
            save(dir, size);
        }
        // every size measured in this folder, the latest measurement of each: a long size can be run on its own
        for (Path saved : savedResults(dir)) {
            results.add(load(saved));
        }
        results.sort(Comparator.comparingInt(Size::documents));
        String table = table(results);
        System.out.println(table);
        Files.writeString(report, markdown(table, started, loadBefore, load(), runs, largestRuns, largest)
                + notesKept(report));
        System.out.println("written to " + report);
    }

    /** Runs one step in a JVM of its own and reads its figures. */
    private static Map<String, String> child(String step, Path store, Path corpus) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-cp", System.getProperty("java.class.path")));
        String jfr = System.getProperty("benchmark.jfr", "");
        if (!jfr.isEmpty() && step.equals("intake")) {
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        command.add("-Dbenchmark.h2=" + System.getProperty("benchmark.h2", ""));
        command.addAll(List.of(BenchmarkRun.class.getName(), step, store.toString(), corpus.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> figures = new LinkedHashMap<>();
        List<String> tail = new ArrayList<>();
        try (var lines = process.inputReader().lines()) {
            lines.forEach(line -> {
                if (line.startsWith("RESULT ")) {
                    for (String pair : line.substring(7).split(" ")) {
                        String[] kv = pair.split("=", 2);
                        figures.put(kv[0], kv[1]);
                    }
                }
                else {
                    tail.add(line);
                    if (tail.size() > 40) {
                        tail.remove(0);
                    }
                }
            });
        }
        if (process.waitFor() != 0 || figures.isEmpty()) {
            throw new IllegalStateException(step + " on " + store + " failed:\n" + String.join("\n", tail));
        }
        return figures;
    }

    /** The part of an existing report written by hand (what the profile shows), kept from {@value #NOTES} on. */
    private static String notesKept(Path report) throws IOException {
        if (!Files.exists(report)) {
            return "";
        }
        String existing = Files.readString(report);
        int notes = existing.indexOf(NOTES);
        return notes < 0 ? "" : "\n" + existing.substring(notes);
    }

    private static void save(Path dir, Size size) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(size.documents() + " " + size.bytes() + " " + size.measured());
        for (Map<String, Map<String, String>> run : size.runs()) {
            run.forEach((step, figures) -> lines.add(step + " " + figures.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(" "))));
        }
        Files.write(dir.resolve("results-" + size.documents() + ".txt"), lines);
    }

    private static List<Path> savedResults(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("results-\\d+\\.txt")).toList();
        }
    }

    private static Size load(Path saved) throws IOException {
        List<String> lines = Files.readAllLines(saved);
        String[] head = lines.get(0).split(" ", 3);
        List<Map<String, Map<String, String>>> runs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split(" ");
            if (parts[0].equals("intake")) {
                runs.add(new LinkedHashMap<>());
            }
            Map<String, String> figures = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                figures.put(kv[0], kv[1]);
            }
            runs.get(runs.size() - 1).put(parts[0], figures);
        }
        return new Size(Integer.parseInt(head[0]), Long.parseLong(head[1]), runs, head[2]);
    }

    private static String table(List<Size> results) {
        StringBuilder table = new StringBuilder();
        table.append("| documents | corpus MB | runs | intake s | docs/s | MB/s | intake CPU s (GC, JIT) | peak heap MB "
                + "| peak RSS MB | no-new run s (process s) | no-new peak heap MB | compose + render s (docs in window) "
                + "| measured |\n");
        table.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Size size : results) {
            double mb = size.bytes() / 1_048_576.0;
            double intake = median(size, "intake", "seconds");
            table.append(String.format(Locale.ROOT,
                    "| %,d | %.0f | %d | %.1f | %,.0f | %.1f | %.0f (%s, %s) | %.0f | %.0f | %.2f (%.1f) | %.0f | %.2f (%s) "
                            + "| %s |%n",
                    size.documents(), mb, size.runs().size(), intake, size.documents() / intake, mb / intake,
                    median(size, "intake", "cpuSeconds"), optional(size, "intake", "gcCpuSeconds"),
                    optional(size, "intake", "jitCpuSeconds"), max(size, "intake", "peakHeapMb"),
                    max(size, "intake", "peakRssMb"),
                    median(size, "routine", "seconds"), median(size, "routine", "processSeconds"),
                    max(size, "routine", "peakHeapMb"), median(size, "digest", "seconds"),
                    size.runs().get(0).get("digest").get("windowDocuments"), size.measured()));
        }
        return table.toString();
    }

    private static double median(Size size, String step, String figure) {
        double[] values = size.runs().stream().mapToDouble(run -> Double.parseDouble(run.get(step).get(figure)))
            .sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    /** The median of a figure that runs measured before the harness recorded it lack: "?" then. */
    private static String optional(Size size, String step, String figure) {
        boolean everyRun = size.runs().stream().allMatch(run -> run.get(step).containsKey(figure));
        return everyRun ? String.format(Locale.ROOT, "%.0f", median(size, step, figure)) : "?";
    }

    private static double max(Size size, String step, String figure) {
        return size.runs().stream().mapToDouble(run -> Double.parseDouble(run.get(step).get(figure))).max().orElse(0);
    }

    private static String markdown(String table, String started, double loadBefore, double loadAfter, int runs,
            int largestRuns, int largest) {
        return """
                # Benchmarks

                Intake of a generated backfill (files -> rows in H2), a run with nothing new on top of the
                store, and the digest of about 1,000 documents composed and rendered (Word and PDF).
                Written by `org.watchbrief.benchmark.BackfillBenchmark`; each step runs in a JVM of its own
                under `%s`, started as `watchbrief` starts (Spring Boot, H2 file database, Flyway).

                - Date: %s UTC
                - Machine: %s, %d cores, %s RAM; %s; Java %s
                - Load average (1 min): %.1f before, %.1f after. The machine was shared with other
                  engineers' builds while this ran: figures are medians and should be read as such.
                - Runs: the median of %d runs per size%s. The table holds the latest measurement of
                  each size in the benchmark folder (a size can be measured on its own).

                %s
                - intake s: the `ingest` job, from its launch to its end (not the JVM's and Spring's start:
                  see the no-new run's process s); docs/s and MB/s from it. Intake CPU s: the process's CPU
                  time meanwhile, on every thread; in brackets the garbage collector's and the JIT compiler's
                  share of it (their threads' time in /proc, which no Java profile samples). Peak heap: the
                  largest heap in use before any collection; peak RSS: the process's VmHWM.
                - no-new run s: `watchbrief ingest` again over the same inbox, every file known; in
                  brackets the whole process, JVM and Spring start included.
                - compose + render s: a fresh JVM composing the digest of the latest window holding 1,000
                  relevant documents or more, and writing it as .docx and .pdf.

                ## Reproduce

                ```
                ./mvnw -B -q -Pbenchmark test-compile exec:exec
                ```
                Properties: `-Dbenchmark.sizes=10000,100000,1000000`, `-Dbenchmark.runs=3`,
                `-Dbenchmark.runs.largest=1`, `-Dbenchmark.dir=/tmp/watchbrief-benchmark` (corpora are
                generated there once, about 1.9 KB a document; stores are made again each run),
                `-Dbenchmark.jfr=/tmp/intake.jfr` (a flight recording of the intake runs),
                `-Dbenchmark.h2=;AUTO_COMPACT_FILL_RATE=0` (H2 settings added to the stores' URL, to try one).
                """.formatted(HEAP, started, cpu(), Runtime.getRuntime().availableProcessors(), memory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.version"), loadBefore, loadAfter, runs,
                largestRuns == runs ? "" : " (" + largestRuns + " at " + String.format(Locale.ROOT, "%,d", largest)
                        + " documents, for time)", table);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst().orElse("unknown CPU");
        }
        catch (IOException ex) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
        return String.format(Locale.ROOT, "%.0f GB", bytes / 1e9);
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
