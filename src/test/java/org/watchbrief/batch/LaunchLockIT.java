package org.watchbrief.batch;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

/** Two launches of one window at the same moment: one briefing, one digest, one email each. */
@SpringBootTest
@BothDatabases
class LaunchLockIT {

    private static final int ROUNDS = 12;

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
    JdbcTemplate jdbc;

    @Test
    void twoRunsOfOneWindowStartedTogetherMakeOneBriefingAndTheOtherSaysSo() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // given
                BriefingParameters window = new BriefingParameters("weekly",
                        new Window(LocalDate.of(2026, 1, 1).plusWeeks(round), LocalDate.of(2026, 1, 7).plusWeeks(round)));
                CyclicBarrier together = new CyclicBarrier(2);
                // when
                List<Future<BriefingResult>> launches = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    launches.add(pool.submit(() -> {
                        together.await();
                        return launcher.brief(window);
                    }));
                }
                List<BriefingResult> results = new ArrayList<>();
                for (Future<BriefingResult> launch : launches) {
                    results.add(launch.get());
                }
                // then
                assertThat(results).as("round %d", round).extracting(BriefingResult::outcome)
                    .containsOnlyOnce(Outcome.COMPLETED)
                    .containsAnyOf(Outcome.IN_PROGRESS, Outcome.ALREADY_BRIEFED);
                results.stream().filter(r -> r.outcome() == Outcome.IN_PROGRESS)
                    .forEach(r -> assertThat(r.message()).contains("is being briefed by another run right now"));
                String end = window.window().end().toString();
                assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p "
                        + "ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE p.PARAMETER_NAME = 'windowEnd' "
                        + "AND p.PARAMETER_VALUE = ?", end)).as("executions of round %d", round).isEqualTo(1);
                assertThat(count("SELECT COUNT(*) FROM digest WHERE window_end = CAST(? AS DATE)", end)).isEqualTo(1);
                assertThat(count("SELECT COUNT(*) FROM outbox o JOIN digest d ON d.id = o.digest_id "
                        + "WHERE d.window_end = CAST(? AS DATE) AND o.status = 'SENT'", end)).isEqualTo(1);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLockWhoseHolderOnThisHostNoLongerRunsIsTakenAtOnce() throws Exception {
        // given: a lock held for another five minutes by a process of this host that has ended
        Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").start();
        ended.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, ?)",
                "briefing:weekly:2026-06-30", Timestamp.from(Instant.now().plusSeconds(300)),
                Timestamp.from(Instant.now()), host + " pid " + ended.pid());
        // when
        BriefingResult result = launcher.brief(new BriefingParameters("weekly",
                new Window(LocalDate.of(2026, 6, 24), LocalDate.of(2026, 6, 30))));
        // then
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void aLockHeldByALiveProcessKeepsTheWindowAndNamesItsHolder() {
        // given: this process holds the window's lock, as another launch would
        String name = "briefing:weekly:2026-05-31";
        try (LaunchLock.Held held = lock.tryAcquire(name).orElseThrow()) {
            // when
            BriefingResult result = launcher.brief(new BriefingParameters("weekly",
                    new Window(LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 31))));
            // then
            assertThat(result.outcome()).isEqualTo(Outcome.IN_PROGRESS);
            assertThat(result.message()).contains("pid " + ProcessHandle.current().pid() + " holds it");
        }
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
