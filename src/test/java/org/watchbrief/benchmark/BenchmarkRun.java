package org.watchbrief.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.watchbrief.WatchbriefApplication;
import org.watchbrief.batch.IngestLauncher;
import org.watchbrief.batch.IngestResult;

import com.sun.management.OperatingSystemMXBean;

/**
 * One measured step of {@link BackfillBenchmark}, in a JVM of its own (started with the heap
 * limit under test): the application is started as {@code watchbrief} starts it, on a store and
 * inbox of the benchmark's, and one thing is done and timed. Prints one line, {@code RESULT} and
 * {@code key=value} pairs, for the harness to read.
 *
 * <p>Steps: {@code intake STORE CORPUS} reads a corpus folder into the store ({@code watchbrief
 * ingest CORPUS}); {@code routine STORE} runs intake with nothing new ({@code watchbrief ingest}:
 * the inbox, already read); {@code reoffer STORE CORPUS} offers the corpus folder again, every file
 * seen before.
 */
public final class BenchmarkRun {

    private BenchmarkRun() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        MemoryWatch memory = new MemoryWatch();
        String step = args[0];
        Path store = Path.of(args[1]).toAbsolutePath();
        Map<String, Object> result = new LinkedHashMap<>();
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = application(store)) {
            result.put("startSeconds", seconds(System.nanoTime() - started));
            IngestLauncher ingest = context.getBean(IngestLauncher.class);
            switch (step) {
                case "intake", "reoffer" -> result.putAll(ingest(ingest, List.of(Path.of(args[2]))));
                case "routine" -> result.putAll(ingest(ingest, List.of()));
                default -> throw new IllegalArgumentException("no step " + step);
            }
        }
        result.put("processSeconds", seconds((System.currentTimeMillis() - jvmStart) * 1_000_000));
        result.put("peakHeapMb", memory.peakHeapBytes() / 1_048_576);
        result.put("peakLiveMb", memory.peakLiveBytes() / 1_048_576);
        result.put("peakRssMb", MemoryWatch.peakRssBytes() / 1_048_576);
        StringBuilder line = new StringBuilder("RESULT");
        result.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        System.out.println(line);
    }

    private static Map<String, Object> ingest(IngestLauncher ingest, List<Path> paths) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = os.getProcessCpuTime();
        long stepCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        IngestResult result = ingest.ingest(paths);
        long elapsed = System.nanoTime() - start;
        cpu = os.getProcessCpuTime() - cpu;
        stepCpu = threads.getCurrentThreadCpuTime() - stepCpu;
        if (!result.completed()) {
            throw new IllegalStateException("intake failed: " + result.message());
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seconds", seconds(elapsed));
        figures.put("read", result.read());
        figures.put("stored", result.storedCount());
        figures.put("passedOver", result.passedOver());
        figures.put("quarantined", result.quarantined().size());
        // the process's CPU (every thread, the collector's and compiler's too) and the step thread's
        figures.put("cpuSeconds", seconds(cpu));
        figures.put("stepCpuSeconds", seconds(stepCpu));
        return figures;
    }

    /**
     * The application as the command line starts it, on the benchmark's own folders (given as
     * arguments, which take precedence over application.yml as environment variables would).
     */
    static ConfigurableApplicationContext application(Path store) {
        return new SpringApplicationBuilder(WatchbriefApplication.class).bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .web(WebApplicationType.NONE)
            .run("--spring.datasource.url=jdbc:h2:file:" + store.resolve("data/watchbrief") + ";DB_CLOSE_ON_EXIT=FALSE",
                    "--watchbrief.inbox=" + store.resolve("inbox"), "--watchbrief.reports-dir=" + store.resolve("reports"),
                    "--watchbrief.quarantine-dir=" + store.resolve("quarantine"));
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
