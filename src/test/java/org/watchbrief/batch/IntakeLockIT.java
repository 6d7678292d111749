package org.watchbrief.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.batch.BriefingResult.Outcome;
import org.watchbrief.digest.Window;
import org.watchbrief.support.BothDatabases;
import org.watchbrief.support.SampleInbox;
import org.watchbrief.support.TestWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake waits while another run (here, a lock this test holds, as another instance would) takes
 * documents in, then reads what is left; a stop asked for while it waits stops the run,
 * restartable.
 */
@SpringBootTest
@BothDatabases
class IntakeLockIT {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        SampleInbox.copyTo(work.resolve("inbox"));
        TestWorkspace.register(registry, work);
    }

    @Autowired
    BriefingLauncher launcher;

    @Autowired
    LaunchLock lock;

    @Autowired
    RunningBriefings running;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JdbcTemplate jdbc;

    private static BriefingParameters week(int day) {
        return new BriefingParameters("weekly",
                new Window(LocalDate.of(2026, 11, day), LocalDate.of(2026, 11, day + 6)));
    }

    @Test
    void aRunWaitsForAnotherRunsIntakeToEndAndThenTakesInTheDocuments() throws Exception {
        // given: a new document, and another run taking documents in
        Files.writeString(work.resolve("inbox/late-news.txt"), "Grooming of children online\n\n"
                + "Published 2 November 2026\n\nA new report on grooming offences against children online.");
        long before = count("SELECT COUNT(*) FROM document");
        LaunchLock.Held other = lock.tryAcquire(IntakeLock.NAME).orElseThrow();
        CompletableFuture<BriefingResult> run = CompletableFuture.supplyAsync(() -> launcher.brief(week(1)));
        awaitIntakeStarted();
        Thread.sleep(1500);
        long whileWaiting = count("SELECT COUNT(*) FROM document");
        // when
        other.close();
        BriefingResult result = run.get(120, TimeUnit.SECONDS);
        // then
        assertThat(whileWaiting).as("nothing read while another intake runs").isEqualTo(before);
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM document")).isGreaterThan(before);
        assertThat(count("SELECT COUNT(*) FROM document WHERE source_key LIKE '%late-news.txt'")).isEqualTo(1);
    }

    @Test
    void aStopAskedForWhileWaitingStopsTheRunRestartably() throws Exception {
        // given
        LaunchLock.Held other = lock.tryAcquire(IntakeLock.NAME).orElseThrow();
        CompletableFuture<BriefingResult> run = CompletableFuture.supplyAsync(() -> launcher.brief(week(15)));
        awaitIntakeStarted();
        // when
        List<JobExecution> asked = running.stop(execution -> true);
        BriefingResult stopped = run.get(60, TimeUnit.SECONDS);
        other.close();
        // then
        assertThat(asked).hasSize(1);
        assertThat(stopped.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(jobRepository.getJobExecution(stopped.executionId()).getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(launcher.brief(week(15)).outcome()).as("restarted").isEqualTo(Outcome.COMPLETED);
    }

    private void awaitIntakeStarted() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'intake' AND STATUS = 'STARTED'")
                    > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the intake step did not start");
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
