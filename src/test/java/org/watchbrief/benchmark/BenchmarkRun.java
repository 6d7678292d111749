package org.watchbrief.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.watchbrief.WatchbriefApplication;
import org.watchbrief.batch.IngestLauncher;
import org.watchbrief.batch.IngestResult;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.DigestComposer;
import org.watchbrief.digest.Window;
import org.watchbrief.render.DigestRenderer;

import com.sun.management.OperatingSystemMXBean;

/**
 * One measured step of {@link BackfillBenchmark}, in a JVM of its own (started with the heap
 * limit under test): the application is started as {@code watchbrief} starts it, on a store and
 * inbox of the benchmark's, and one thing is done and timed. Prints one line, {@code RESULT} and
 * {@code key=value} pairs, for the harness to read.
 *
 * <p>Arguments: the step, the store's folder (database, reports) and the corpus folder, which is
 * the inbox. Steps: {@code intake} reads the inbox into the store ({@code watchbrief ingest});
 * {@code routine} runs intake again, with nothing new; {@code digest} composes the digest of the
 * latest window of the store holding about {@value #WINDOW_DOCUMENTS} relevant documents and
 * renders it as Word and PDF, as the briefing job's compose and render steps do.
 */
public final class BenchmarkRun {

    /** How many relevant documents the digest's window holds, at least. */
    static final int WINDOW_DOCUMENTS = 1000;

    private BenchmarkRun() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        MemoryWatch memory = new MemoryWatch();
        String step = args[0];
        Path store = Path.of(args[1]).toAbsolutePath();
        Path inbox = Path.of(args[2]).toAbsolutePath();
        Map<String, Object> result = new LinkedHashMap<>();
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = application(store, inbox)) {
            result.put("startSeconds", seconds(System.nanoTime() - started));
            switch (step) {
                case "intake", "routine" -> result.putAll(ingest(context.getBean(IngestLauncher.class)));
                case "digest" -> result.putAll(digest(context, store.resolve("reports")));
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

    private static Map<String, Object> ingest(IngestLauncher ingest) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = os.getProcessCpuTime();
        long stepCpu = threads.getCurrentThreadCpuTime();
        JvmThreadsCpu jvm = JvmThreadsCpu.now();
        long start = System.nanoTime();
        IngestResult result = ingest.ingest(List.of());
        long elapsed = System.nanoTime() - start;
        cpu = os.getProcessCpuTime() - cpu;
        stepCpu = threads.getCurrentThreadCpuTime() - stepCpu;
        jvm = JvmThreadsCpu.now().since(jvm);
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
        // of which the garbage collector's and the JIT compiler's threads, which no Java profile samples
        figures.put("gcCpuSeconds", seconds(jvm.gcNanos()));
        figures.put("jitCpuSeconds", seconds(jvm.jitNanos()));
        return figures;
    }

    /**
     * Composes and renders the digest of the latest window holding {@value #WINDOW_DOCUMENTS}
     * relevant documents or more, timing each part.
     */
    private static Map<String, Object> digest(ConfigurableApplicationContext context, Path reports) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        LocalDate end = jdbc.queryForObject("SELECT MAX(brief_date) FROM document WHERE relevant", LocalDate.class);
        LocalDate start = end;
        long inWindow = 0;
        for (Map<String, Object> day : jdbc.queryForList("""
                SELECT brief_date, COUNT(*) AS n FROM document WHERE relevant AND brief_date <= ?
                GROUP BY brief_date ORDER BY brief_date DESC""", end)) {
            start = ((java.sql.Date) day.get("brief_date")).toLocalDate();
            inWindow += ((Number) day.get("n")).longValue();
            if (inWindow >= WINDOW_DOCUMENTS) {
                break;
            }
        }
        DigestComposer composer = context.getBean(DigestComposer.class);
        List<DigestRenderer> renderers = List.copyOf(context.getBeansOfType(DigestRenderer.class).values());
        long begin = System.nanoTime();
        Digest digest = composer.compose("benchmark", "Benchmark briefing", new Window(start, end), List.of());
        long composed = System.nanoTime();
        for (DigestRenderer renderer : renderers) {
            renderer.render(digest, reports);
        }
        long rendered = System.nanoTime();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("windowDays", java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1);
        figures.put("windowDocuments", digest.summary().documents());
        figures.put("composeSeconds", seconds(composed - begin));
        figures.put("renderSeconds", seconds(rendered - composed));
        figures.put("seconds", seconds(rendered - begin));
        figures.put("formats", renderers.stream().map(DigestRenderer::format).sorted().toList().toString()
            .replace(" ", ""));
        return figures;
    }

    /**
     * The application as the command line starts it, on the benchmark's own folders (given as
     * arguments, which take precedence over application.yml as environment variables would).
     */
    static ConfigurableApplicationContext application(Path store, Path inbox) {
        return new SpringApplicationBuilder(WatchbriefApplication.class).bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .web(WebApplicationType.NONE)
            .run("--spring.datasource.url=jdbc:h2:file:" + store.resolve("data/watchbrief") + ";DB_CLOSE_ON_EXIT=FALSE"
                    + System.getProperty("benchmark.h2", ""), // settings to try (-Dbenchmark.h2=;NAME=value)
                    "--watchbrief.inbox=" + inbox, "--watchbrief.reports-dir=" + store.resolve("reports"),
                    "--watchbrief.quarantine-dir=" + store.resolve("quarantine"));
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
