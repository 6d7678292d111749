package org.watchbrief.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.digest.Window;
import org.watchbrief.support.AfterSentHook;
import org.watchbrief.support.BothDatabases;
import org.watchbrief.support.FreePorts;
import org.watchbrief.support.SampleInbox;
import org.watchbrief.support.TestWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code serve} daemon running the real briefing job against a real SMTP server, with a
 * fixed clock: a run missed while down is caught up once, a run due is fired with its window,
 * and a stop between two recipients (what SIGTERM does) leaves a run the next start finishes.
 */
@SpringBootTest
@BothDatabases
@Import(AfterSentHook.class)
class ServeIT {

    static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        SampleInbox.copyTo(work.resolve("inbox"));
        Path schedules = Files.createDirectories(work.resolve("schedules"));
        Files.writeString(schedules.resolve("team.yml"), """
                name: team
                description: Weekly briefing for the policy team
                cron: "0 0 7 * * MON"
                zone: Europe/London
                window: P7D
                recipients: [alice@example.org, bob@example.org]
                subject: "Online child safety briefing, week to {windowEnd}"
                """);
        TestWorkspace.register(registry, work);
        registry.add("watchbrief.schedules-dir", schedules::toString);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("watchbrief.delivery.smtp.tls", () -> "none");
    }

    @Autowired
    Schedules schedules;

    @Autowired
    BriefingTrigger trigger;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JdbcTemplate jdbc;

    private ScheduleDaemon daemon;

    @AfterEach
    void stop() {
        AfterSentHook.reset();
        if (daemon != null) {
            daemon.stop();
        }
    }

    private ScheduleDaemon daemon(String now) {
        daemon = new ScheduleDaemon(schedules, trigger, Clock.fixed(Instant.parse(now), ZoneOffset.UTC),
                new ServeProperties(true, Duration.ZERO, Duration.ofSeconds(30)));
        return daemon;
    }

    private List<String> recipients() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
            try {
                return ((InternetAddress) m.getRecipients(RecipientType.TO)[0]).getAddress();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).sorted().toList();
    }

    private int digestsOfTeam() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM digest WHERE schedule_name = 'team'", Integer.class);
    }

    private boolean awaitBriefed(Window window) throws InterruptedException {
        Schedule team = schedules.get("team");
        for (int i = 0; i < 600 && !trigger.isBriefed(team, window); i++) {
            Thread.sleep(100);
        }
        return trigger.isBriefed(team, window);
    }

    private static Window window(String start, String end) {
        return new Window(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void catchesUpTheRunMissedWhileDownOnceAndARestartSendsNothingMore() throws Exception {
        // given: Wednesday 25 November 2026; Monday's run, and every one before it, was missed
        int digestsBefore = digestsOfTeam();
        // when
        List<ScheduleDaemon.Plan> plans = daemon("2026-11-25T10:00:00Z").start(true);
        // then
        assertThat(plans.get(0).catchUp().toInstant()).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        assertThat(awaitBriefed(window("2026-11-16", "2026-11-22"))).isTrue();
        assertThat(recipients()).containsExactly("alice@example.org", "bob@example.org");
        assertThat(digestsOfTeam()).as("one catch-up, not one per missed Monday").isEqualTo(digestsBefore + 1);
        // when: serve starts again
        daemon.stop();
        List<ScheduleDaemon.Plan> again = daemon("2026-11-25T10:05:00Z").start(true);
        Thread.sleep(1000);
        // then
        assertThat(again.get(0).catchUp()).isNull();
        assertThat(recipients()).containsExactly("alice@example.org", "bob@example.org");
        assertThat(digestsOfTeam()).isEqualTo(digestsBefore + 1);
    }

    @Test
    void firesOnceAtTheCronTimeAndBriefsTheWeekEndingTheDayBefore() throws Exception {
        // given: Monday 7 December 2026, half a second before 07:00 London
        ScheduleDaemon daemon = daemon("2026-12-07T06:59:59.500Z");
        // when
        daemon.start(false);
        // then
        assertThat(awaitBriefed(window("2026-11-30", "2026-12-06"))).isTrue();
        Thread.sleep(1000);
        assertThat(recipients()).containsExactly("alice@example.org", "bob@example.org");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS
                WHERE PARAMETER_NAME = 'windowEnd' AND PARAMETER_VALUE = '2026-12-06'
                """, Integer.class)).isEqualTo(1);
    }

    @Test
    void aStopBetweenTwoRecipientsLeavesARunTheNextStartFinishesSendingEachOneEmail() throws Exception {
        // given: the daemon is stopped (as SIGTERM does) once alice's email is sent
        ScheduleDaemon first = daemon("2026-12-02T10:00:00Z");
        AfterSentHook.afterSent = recipient -> {
            CompletableFuture.runAsync(first::stop);
            awaitStopping();
        };
        first.start(true);
        assertThat(first.awaitStop(Duration.ofSeconds(60))).isTrue();
        AfterSentHook.reset();
        assertThat(recipients()).containsExactly("alice@example.org");
        JobExecution stopped = jobRepository.getLastJobExecution("briefing",
                new org.watchbrief.batch.BriefingParameters("team", window("2026-11-23", "2026-11-29")).toJobParameters());
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        // when: serve starts again
        List<ScheduleDaemon.Plan> plans = daemon("2026-12-02T10:10:00Z").start(true);
        // then
        assertThat(plans.get(0).catchUp()).isNotNull();
        assertThat(awaitBriefed(window("2026-11-23", "2026-11-29"))).isTrue();
        assertThat(recipients()).containsExactly("alice@example.org", "bob@example.org");
    }

    /** Waits until the stop request has reached the job repository. */
    private void awaitStopping() {
        try {
            for (int i = 0; i < 100; i++) {
                // the stop is recorded as STOPPING or STOPPED at once; the step sees it at its next commit
                boolean stopping = jdbc.queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION", String.class).stream()
                    .noneMatch(status -> status.equals("STARTED"));
                if (stopping) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
