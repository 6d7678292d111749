package org.watchbrief.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.watchbrief.support.Emails;
import org.watchbrief.support.FreePorts;
import org.watchbrief.support.PostgreSQLOnly;
import org.watchbrief.support.ProcessOutput;
import org.watchbrief.support.SampleInbox;
import org.watchbrief.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@code watchbrief serve} processes of the packaged jar sharing one PostgreSQL database, as
 * two machines of a shared service would: the one briefing the window is killed ({@code kill -9})
 * in the middle of intake, and the other finishes the window on its next look, with one email per
 * recipient and each document stored once.
 */
@PostgreSQLOnly
class TwoServeProcessesIT {

    private static final Path JAR = Path.of("target/watchbrief.jar").toAbsolutePath();

    static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    /** Documents beyond the sample inbox, so that intake lasts long enough to be killed in. */
    private static final int EXTRA_DOCUMENTS = 40;

    @TempDir
    Path work;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    private Process serve(String name, Map<String, String> database) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "serve").directory(Files.createDirectories(work.resolve(name)).toFile());
        Map<String, String> environment = new HashMap<>(Map.of("WATCHBRIEF_INBOX", work.resolve("inbox").toString(),
                "WATCHBRIEF_SCHEDULES_DIR", work.resolve("schedules").toString(), "WATCHBRIEF_REPORTS_DIR",
                work.resolve(name).resolve("reports").toString(), "WATCHBRIEF_QUARANTINE_DIR",
                work.resolve(name).resolve("quarantine").toString(), "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", String.valueOf(SMTP_PORT), "WATCHBRIEF_DELIVERY_SMTP_TLS", "none",
                "WATCHBRIEF_INTAKE_CHUNKSIZE", "1", "WATCHBRIEF_SERVE_RETRYINPROGRESSAFTER", "1s"));
        environment.put("SPRING_DATASOURCE_URL", database.get("spring.datasource.url"));
        environment.put("SPRING_DATASOURCE_USERNAME", database.get("spring.datasource.username"));
        environment.put("SPRING_DATASOURCE_PASSWORD", database.get("spring.datasource.password"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    @Test
    void whenTheProcessBriefingAWindowIsKilledTheOtherFinishesItSendingEachRecipientOneEmail() throws Exception {
        // given: a shared database, inbox and schedule; two serve processes started together
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "the jar is built by `package`, before the integration tests");
        Map<String, String> database = TestDatabase.newPostgreSQLDatabase();
        JdbcTemplate jdbc = TestDatabase.jdbc(database);
        Path inbox = SampleInbox.copyTo(work.resolve("inbox"));
        for (int i = 1; i <= EXTRA_DOCUMENTS; i++) {
            Files.writeString(inbox.resolve("note-" + i + ".txt"), "Note " + i + " on online safety\n\nMeeting "
                    + i + " of the working group discussed reporting by platforms, item " + i + ".\n");
        }
        Files.createDirectories(work.resolve("schedules"));
        Files.writeString(work.resolve("schedules/daily.yml"), """
                name: daily
                cron: "0 0 6 * * *"
                zone: Europe/London
                window: P120D
                recipients: [alice@example.org, bob@example.org]
                subject: "Briefing to {windowEnd}"
                """);
        Process first = serve("first", database);
        Process second = serve("second", database);
        ProcessOutput firstLog = new ProcessOutput(first.getErrorStream());
        ProcessOutput secondLog = new ProcessOutput(second.getErrorStream());
        new ProcessOutput(first.getInputStream());
        new ProcessOutput(second.getInputStream());
        // when: the process holding the window's lock is killed part way through intake
        assertThat(awaitIntakeUnderWay(jdbc)).as("intake under way: " + firstLog.soFar() + secondLog.soFar())
            .isTrue();
        String holder = jdbc.queryForObject("SELECT locked_by FROM shedlock WHERE name LIKE 'briefing:daily:%'",
                String.class);
        Process killed = processes.stream().filter(p -> holder.endsWith(" pid " + p.pid())).findFirst().orElseThrow();
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        ProcessOutput survivorLog = killed == first ? secondLog : firstLog;
        // then
        assertThat(survivorLog.await("briefed (", 180)).as(survivorLog.soFar()).isTrue();
        assertThat(survivorLog.soFar()).contains("a process that no longer runs", "was left STARTED by a process "
                + "that stopped; resuming it");
        assertThat(jdbc.queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID",
                String.class)).containsExactly("FAILED", "COMPLETED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document", Long.class))
            .isEqualTo(sampleDocuments() + EXTRA_DOCUMENTS);
        assertThat(recipients()).containsExactly("alice@example.org", "bob@example.org");
    }

    /** Waits until the running intake has committed a few documents. */
    private static boolean awaitIntakeUnderWay(JdbcTemplate jdbc) throws InterruptedException {
        for (int i = 0; i < 1800; i++) {
            List<Long> commits = List.of();
            try {
                commits = jdbc.queryForList("""
                        SELECT COMMIT_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'intake' AND STATUS = 'STARTED'
                        """, Long.class);
            }
            catch (org.springframework.jdbc.BadSqlGrammarException notMigratedYet) {
                // the first process is still creating the tables
            }
            if (!commits.isEmpty() && commits.get(0) >= 3) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static long sampleDocuments() throws IOException {
        try (var files = Files.list(SampleInbox.source())) {
            return files.count();
        }
    }

    private static List<String> recipients() {
        return Emails.recipients(greenMail.getReceivedMessages());
    }
}
