package org.watchbrief.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchbrief.support.ProcessOutput;
import org.watchbrief.support.SampleInbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code watchbrief serve} as a service manager runs it: the packaged jar in a process of its
 * own, sent SIGTERM while it briefs. It must exit cleanly and leave the run finished or
 * restartable (never STARTED), and the next run must finish it with one email per recipient.
 */
class ServeProcessIT {

    private static final Path JAR = Path.of("target/watchbrief.jar").toAbsolutePath();

    @TempDir
    Path work;

    private Map<String, String> environment() {
        return Map.of("WATCHBRIEF_INBOX", work.resolve("inbox").toString(), "WATCHBRIEF_REPORTS_DIR",
                work.resolve("reports").toString(), "WATCHBRIEF_SCHEDULES_DIR", work.resolve("schedules").toString(),
                "WATCHBRIEF_QUARANTINE_DIR", work.resolve("quarantine").toString(), "SPRING_DATASOURCE_URL",
                "jdbc:h2:file:" + work.resolve("db/watchbrief") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().putAll(environment());
        return builder.start();
    }

    @Test
    void sigtermWhileBriefingExitsCleanlyAndLeavesARunTheNextRunFinishes() throws Exception {
        // given
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "the jar is built by `package`, before the integration tests");
        SampleInbox.copyTo(work.resolve("inbox"));
        Files.createDirectories(work.resolve("schedules"));
        Files.writeString(work.resolve("schedules/daily.yml"), """
                name: daily
                cron: "0 0 6 * * *"
                zone: Europe/London
                window: P120D
                recipients: [alice@example.org, bob@example.org]
                subject: "Briefing to {windowEnd}"
                """);
        Process serve = start("serve");
        ProcessOutput out = new ProcessOutput(serve.getInputStream());
        ProcessOutput err = new ProcessOutput(serve.getErrorStream());
        assertThat(err.await("catch-up run of", 120)).as("the catch-up run started: " + err.soFar()).isTrue();
        // when
        serve.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the streams we read
        // then
        assertThat(serve.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).as("killed by SIGTERM after a clean shutdown").isEqualTo(143);
        assertThat(out.all()).contains("Serving 1 schedule(s)");
        assertThat(err.all()).contains("Stopping: no new runs", "Asked execution 1 to stop", "Stopped");
        String status = single("SELECT STATUS FROM BATCH_JOB_EXECUTION");
        String windowEnd = single("""
                SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = 'windowEnd'
                """);
        assertThat(status).as("finished, or stopped and restartable").isIn("COMPLETED", "STOPPED");
        // when: the operator (or the next start) runs the window again
        Process run = start("run", "daily", "--to", windowEnd);
        ProcessOutput runOut = new ProcessOutput(run.getInputStream());
        ProcessOutput runErr = new ProcessOutput(run.getErrorStream());
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        // then
        assertThat(run.exitValue()).as(runOut.all() + runErr.all()).isZero();
        assertThat(single("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'")).isEqualTo("2");
        try (var emails = Files.list(work.resolve("reports/daily").resolve(windowEnd))) {
            assertThat(emails.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted())
                .containsExactly("email-alice@example.org.eml", "email-bob@example.org.eml");
        }
    }

    private String single(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("db/watchbrief"), "sa",
                ""); Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            String value = rows.getString(1);
            assertThat(rows.next()).as("one row for " + sql).isFalse();
            return value;
        }
    }
}
