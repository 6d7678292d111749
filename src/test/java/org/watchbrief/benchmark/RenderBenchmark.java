package org.watchbrief.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.watchbrief.digest.Digest;
import org.watchbrief.render.DocxDigestRenderer;
import org.watchbrief.render.PdfDigestRenderer;
import org.watchbrief.render.RenderProperties;
import org.watchbrief.support.Digests;

/**
 * Renders a digest of 1,000 documents as Word and PDF several times and prints each run and the
 * medians. The target is both files in under 10 seconds. Run it (after {@code ./mvnw test-compile}):
 *
 * <pre>
 * ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath
 * java -cp target/classes:target/test-classes:$(cat target/benchmark.classpath) \
 *     org.watchbrief.benchmark.RenderBenchmark [documents] [runs]
 * </pre>
 *
 * The first two runs warm the JVM up and are not counted.
 */
public final class RenderBenchmark {

    private RenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Digest digest = Digests.aDigestOf(documents).build();
        Path out = Files.createTempDirectory("watchbrief-benchmark");
        RenderProperties properties = new RenderProperties(Path.of("reports", "templates"));
        DocxDigestRenderer word = new DocxDigestRenderer(properties);
        PdfDigestRenderer pdf = new PdfDigestRenderer(properties);
        System.out.printf("Rendering a digest of %d documents (%d timeline events, %d funding lines), %d runs after "
                + "2 warm-up runs%n", digest.summary().documents(), digest.timeline().size(),
                digest.funding().lines().size(), runs);
        List<Long> wordTimes = new ArrayList<>();
        List<Long> pdfTimes = new ArrayList<>();
        List<Long> bothTimes = new ArrayList<>();
        List<Long> cpuTimes = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = -2; run < runs; run++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Path docx = word.render(digest, out);
            long middle = System.nanoTime();
            Path file = pdf.render(digest, out);
            long end = System.nanoTime();
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            if (run < 0) {
                System.out.printf("warm-up %d: Word %5d ms, PDF %5d ms, both %5d ms (CPU of this thread %5d ms)%s%n",
                        run + 3, (middle - start) / 1_000_000, (end - middle) / 1_000_000, (end - start) / 1_000_000,
                        cpu / 1_000_000, run == -2 ? ", a cold JVM as a single briefing run has" : "");
            }
            else {
                wordTimes.add((middle - start) / 1_000_000);
                pdfTimes.add((end - middle) / 1_000_000);
                bothTimes.add((end - start) / 1_000_000);
                cpuTimes.add(cpu / 1_000_000);
                System.out.printf("run %d: Word %5d ms (%,d bytes), PDF %5d ms (%,d bytes), both %5d ms "
                        + "(CPU of this thread %5d ms)%n", run + 1, wordTimes.get(run), Files.size(docx),
                        pdfTimes.get(run), Files.size(file), bothTimes.get(run), cpuTimes.get(run));
            }
        }
        System.out.printf("median: Word %d ms, PDF %d ms, both %d ms, CPU %d ms (target: both under 10,000 ms)%n",
                median(wordTimes), median(pdfTimes), median(bothTimes), median(cpuTimes));
        System.out.printf("%d processors; load average %.1f when done%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
