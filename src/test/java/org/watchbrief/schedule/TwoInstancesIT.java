package org.watchbrief.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.watchbrief.WatchbriefApplication;
import org.watchbrief.batch.LaunchLock;
import org.watchbrief.digest.Window;
import org.watchbrief.support.AfterSentHook;
import org.watchbrief.support.Emails;
import org.watchbrief.support.FreePorts;
import org.watchbrief.support.PostgreSQLOnly;
import org.watchbrief.support.SampleInbox;
import org.watchbrief.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@code serve} instances (two application contexts, each with its own daemon, reports folder
 * and connection pool) sharing one PostgreSQL database, one inbox and one mail server, as two
 * machines of a shared service would. Each window is briefed once whichever instance wins, each
 * recipient gets one email, and when the instance briefing a window stops or is lost mid-run,
 * the other finishes it on its next look.
 */
@PostgreSQLOnly
class TwoInstancesIT {

    static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    /** Wednesday 25 November 2026: Monday's runs were missed, so each instance catches them up on start. */
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** The instance whose daemon thread this is, while it briefs. */
    private static final ThreadLocal<Instance> BRIEFING = new ThreadLocal<>();

    @TempDir
    Path work;

    private Map<String, String> database;

    private JdbcTemplate jdbc;

    private final List<Instance> instances = new ArrayList<>();

    /** Wakes an instance a test has made hang. */
    private final CountDownLatch wakeUp = new CountDownLatch(1);

    @BeforeEach
    void sharedDatabaseInboxAndSchedules() throws Exception {
        database = TestDatabase.newPostgreSQLDatabase();
        jdbc = TestDatabase.jdbc(database);
        SampleInbox.copyTo(work.resolve("inbox"));
        Files.createDirectories(work.resolve("schedules"));
        schedule("team", "alice@example.org, bob@example.org");
    }

    @AfterEach
    void stopInstances() {
        AfterSentHook.reset();
        wakeUp.countDown();
        instances.forEach(Instance::close);
    }

    private void schedule(String name, String recipients) throws Exception {
        Files.writeString(work.resolve("schedules").resolve(name + ".yml"), """
                name: %s
                cron: "0 0 7 * * MON"
                zone: Europe/London
                window: P7D
                recipients: [%s]
                subject: "Briefing for %s, week to {windowEnd}"
                """.formatted(name, recipients, name));
    }

    /** Starts two instances' daemons at the same moment. */
    private void startTwoInstances() throws Exception {
        instances.add(new Instance("a"));
        instances.add(new Instance("b"));
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<List<ScheduleDaemon.Plan>>> starts = instances.stream()
            .map(instance -> CompletableFuture.supplyAsync(() -> {
                try {
                    together.await(30, TimeUnit.SECONDS);
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
                return instance.daemon.start(true);
            }))
            .toList();
        for (CompletableFuture<List<ScheduleDaemon.Plan>> start : starts) {
            start.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoInstancesCatchingUpTheSameWindowsBriefEachOnceAndSendEachRecipientOneEmail() throws Exception {
        // given: two schedules, so that while one instance briefs one, the other may brief the other,
        // both taking in the same inbox
        schedule("board", "carol@example.org");
        // when
        startTwoInstances();
        // then
        assertThat(awaitBriefed("team") && awaitBriefed("board")).isTrue();
        awaitQuiet();
        assertThat(jdbc.queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID",
                String.class)).as("one run per window, none failed").containsExactly("COMPLETED", "COMPLETED");
        assertThat(count("SELECT COUNT(*) FROM digest")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM document")).as("each document stored once")
            .isEqualTo(fileCount(work.resolve("inbox")));
        assertThat(recipients()).containsExactly("alice@example.org", "bob@example.org", "carol@example.org");
    }

    @Test
    void aRunStoppedMidwayWithItsInstanceIsFinishedByTheOtherSendingNoOneASecondEmail() throws Exception {
        // given: whichever instance sends the first email is then stopped, as SIGTERM stops serve
        AtomicReference<Instance> stopped = new AtomicReference<>();
        AfterSentHook.afterSent = recipient -> {
            Instance sender = BRIEFING.get();
            if (sender != null && stopped.compareAndSet(null, sender)) {
                sender.trigger.stopRunning();
                CompletableFuture.runAsync(sender::close);
            }
        };
        // when
        startTwoInstances();
        // then
        assertThat(awaitBriefed("team")).isTrue();
        awaitQuiet();
        assertThat(stopped.get()).isNotNull();
        assertThat(jdbc.queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID",
                String.class)).containsExactly("STOPPED", "COMPLETED");
        assertThat(recipients()).containsExactly("alice@example.org", "bob@example.org");
        Instance other = instances.get(0) == stopped.get() ? instances.get(1) : instances.get(0);
        assertThat(other.reports.resolve("team/2026-11-22/briefing.pdf")).as("rendered again by the other instance")
            .isRegularFile();
        for (MimeMessage email : greenMail.getReceivedMessages()) {
            assertThat(Emails.read(email).attachments()).containsOnlyKeys("briefing.docx", "briefing.pdf");
        }
    }

    @Test
    void aRunLeftByAnInstanceThatWasLostIsFinishedByTheOtherOnceItsLockRunsOut() throws Exception {
        // given: whichever instance sends the first email then hangs, and stops extending its lock, as
        // when its machine is lost; its lock is left to run out, as one held from another machine
        // is (here in 3 seconds rather than watchbrief.lock.hold)
        AtomicReference<Instance> lost = new AtomicReference<>();
        AfterSentHook.afterSent = recipient -> {
            Instance sender = BRIEFING.get();
            if (sender != null && lost.compareAndSet(null, sender)) {
                sender.context.getBean(LaunchLock.class).destroy();
                jdbc.update("""
                        UPDATE shedlock SET locked_by = 'lost-host pid 4242',
                            lock_until = timezone('utc', CURRENT_TIMESTAMP) + INTERVAL '3 seconds'
                        WHERE name = 'briefing:team:2026-11-22'
                        """);
                try {
                    wakeUp.await(120, TimeUnit.SECONDS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        // when
        startTwoInstances();
        // then: the other instance waits for the lock to run out, marks the run it left FAILED and
        // resumes it, sending only what was not sent
        assertThat(awaitBriefed("team")).isTrue();
        assertThat(jdbc.queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID",
                String.class)).containsExactly("FAILED", "COMPLETED");
        assertThat(jdbc.queryForObject("SELECT EXIT_MESSAGE FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'",
                String.class)).contains("left STARTED by a process that stopped");
        assertThat(recipients()).containsExactly("alice@example.org", "bob@example.org");
        // when: the lost instance wakes up after all (a very long pause)
        wakeUp.countDown();
        awaitQuiet();
        // then: the job repository refuses its stale step (optimistic locking), its run ends FAILED or
        // UNKNOWN, the window stays briefed by the other, and nothing more is sent
        List<String> statuses = jdbc.queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID",
                String.class);
        assertThat(statuses).hasSize(2).endsWith("COMPLETED");
        assertThat(statuses.get(0)).isIn("FAILED", "UNKNOWN");
        assertThat(recipients()).containsExactly("alice@example.org", "bob@example.org");
    }

    private boolean awaitBriefed(String schedule) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            List<String> last = jdbc.queryForList("""
                    SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p
                        ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                    WHERE p.PARAMETER_NAME = 'schedule' AND p.PARAMETER_VALUE = ?
                    ORDER BY e.JOB_EXECUTION_ID DESC
                    """, String.class, schedule);
            if (!last.isEmpty() && last.get(0).equals("COMPLETED")) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Lets the instance that lost look again (every half second) and find nothing left to do. */
    private static void awaitQuiet() throws InterruptedException {
        Thread.sleep(2000);
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private static long fileCount(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.count();
        }
    }

    private static List<String> recipients() {
        return Emails.recipients(greenMail.getReceivedMessages());
    }

    /** One serve instance: its own application context, reports folder and daemon. */
    private final class Instance implements AutoCloseable {

        final ConfigurableApplicationContext context;

        final Path reports;

        final BriefingTrigger trigger;

        final ScheduleDaemon daemon;

        Instance(String name) {
            reports = work.resolve(name).resolve("reports");
            List<String> arguments = new ArrayList<>(List.of("--watchbrief.inbox=" + work.resolve("inbox"),
                    "--watchbrief.schedules-dir=" + work.resolve("schedules"), "--watchbrief.reports-dir=" + reports,
                    "--watchbrief.quarantine-dir=" + work.resolve(name).resolve("quarantine"),
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT,
                    "--watchbrief.delivery.smtp.tls=none"));
            database.forEach((property, value) -> arguments.add("--" + property + "=" + value));
            context = new SpringApplicationBuilder(WatchbriefApplication.class, AfterSentHook.class)
                .web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
            BriefingTrigger briefings = context.getBean(BriefingTrigger.class);
            trigger = new BriefingTrigger() {

                @Override
                public Result brief(Schedule schedule, Window window) {
                    BRIEFING.set(Instance.this);
                    try {
                        return briefings.brief(schedule, window);
                    }
                    finally {
                        BRIEFING.remove();
                    }
                }

                @Override
                public boolean isBriefed(Schedule schedule, Window window) {
                    return briefings.isBriefed(schedule, window);
                }

                @Override
                public void stopRunning() {
                    briefings.stopRunning();
                }
            };
            daemon = new ScheduleDaemon(context.getBean(Schedules.class), trigger, Clock.fixed(NOW, ZoneOffset.UTC),
                    new ServeProperties(true, Duration.ZERO, Duration.ofSeconds(30), Duration.ofMillis(500)));
        }

        @Override
        public void close() {
            daemon.stop();
            context.close();
        }
    }
}
