package org.watchbrief.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchbrief.digest.Window;
import org.watchbrief.schedule.BriefingTrigger.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The daemon with a real scheduler and a fixed clock set just before a run is due: the scheduler
 * waits the half second that remains, so each test shows what fires, when, and how often.
 */
class ScheduleDaemonTests {

    @TempDir
    Path schedulesDir;

    private final RecordingTrigger trigger = new RecordingTrigger();

    private ScheduleDaemon daemon;

    @AfterEach
    void stopDaemon() {
        if (daemon != null) {
            daemon.stop();
        }
    }

    private void schedule(String name, String cron) throws IOException {
        Files.writeString(schedulesDir.resolve(name + ".yml"), """
                name: %s
                cron: "%s"
                zone: Europe/London
                window: P7D
                recipients: [managers@example.org]
                subject: "Briefing, week to {windowEnd}"
                """.formatted(name, cron));
    }

    private ScheduleDaemon daemon(String now, Duration retryFailedAfter) {
        return daemon(now, new ServeProperties(true, retryFailedAfter, Duration.ofSeconds(10)));
    }

    private ScheduleDaemon daemon(String now, ServeProperties properties) {
        Schedules schedules = new Schedules(schedulesDir, new ScheduleLoader(Set.of("grooming")));
        daemon = new ScheduleDaemon(schedules, trigger, Clock.fixed(Instant.parse(now), ZoneOffset.UTC), properties);
        return daemon;
    }

    private static Window week(String start, String end) {
        return new Window(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void firesOnceAtTheCronTimeWithTheWindowEndingTheDayBefore() throws Exception {
        // given: Monday 23 November 2026, half a second before 07:00 London (GMT)
        schedule("weekly", "0 0 7 * * MON");
        ScheduleDaemon daemon = daemon("2026-11-23T06:59:59.500Z", Duration.ZERO);
        // when
        List<ScheduleDaemon.Plan> plans = daemon.start(false);
        // then
        assertThat(plans.get(0).next().toInstant()).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        assertThat(trigger.awaitBriefs(1)).isTrue();
        Thread.sleep(1000);
        assertThat(trigger.briefed).containsExactly(week("2026-11-16", "2026-11-22"));
    }

    @Test
    void firesAtSevenSummerTimeOnTheMondayAfterTheClocksGoForward() throws Exception {
        // given: Monday 29 March 2027, half a second before 07:00 BST (06:00 UTC)
        schedule("weekly", "0 0 7 * * MON");
        ScheduleDaemon daemon = daemon("2027-03-29T05:59:59.500Z", Duration.ZERO);
        // when
        daemon.start(false);
        // then
        assertThat(trigger.awaitBriefs(1)).isTrue();
        Thread.sleep(1000);
        assertThat(trigger.briefed).containsExactly(week("2027-03-22", "2027-03-28"));
    }

    @Test
    void aNightlyRunInTheSkippedHourFiresOnceThatNight() throws Exception {
        // given: 01:30 does not exist in London on Sunday 28 March 2027; it runs at 02:30 BST (01:30 UTC)
        Files.writeString(schedulesDir.resolve("nightly.yml"), """
                name: nightly
                cron: "0 30 1 * * *"
                zone: Europe/London
                window: P1D
                recipients: [managers@example.org]
                subject: "Briefing for {windowEnd}"
                """);
        ScheduleDaemon daemon = daemon("2027-03-28T01:29:59.500Z", Duration.ZERO);
        // when
        daemon.start(false);
        // then
        assertThat(trigger.awaitBriefs(1)).isTrue();
        Thread.sleep(1000);
        assertThat(trigger.briefed).containsExactly(week("2027-03-27", "2027-03-27"));
    }

    @Test
    void catchesUpTheLatestRunMissedWhileDownOnceNotOncePerMissedRun() throws Exception {
        // given: Wednesday 25 November 2026; the Mondays before it were never briefed
        schedule("weekly", "0 0 7 * * MON");
        ScheduleDaemon daemon = daemon("2026-11-25T10:00:00Z", Duration.ZERO);
        // when
        List<ScheduleDaemon.Plan> plans = daemon.start(true);
        // then
        assertThat(plans.get(0).catchUp().toInstant()).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        assertThat(trigger.awaitBriefs(1)).isTrue();
        Thread.sleep(1000);
        assertThat(trigger.briefed).containsExactly(week("2026-11-16", "2026-11-22"));
    }

    @Test
    void aRestartAfterTheCatchUpBriefsNothingMore() throws Exception {
        // given
        schedule("weekly", "0 0 7 * * MON");
        daemon("2026-11-25T10:00:00Z", Duration.ZERO).start(true);
        assertThat(trigger.awaitBriefs(1)).isTrue();
        daemon.stop();
        // when
        List<ScheduleDaemon.Plan> plans = daemon("2026-11-25T10:05:00Z", Duration.ZERO).start(true);
        // then
        Thread.sleep(1000);
        assertThat(plans.get(0).catchUp()).isNull();
        assertThat(trigger.briefed).hasSize(1);
    }

    @Test
    void aFailedRunIsTriedAgainLater() throws Exception {
        // given
        schedule("weekly", "0 0 7 * * MON");
        trigger.failuresToGo.set(1);
        ScheduleDaemon daemon = daemon("2026-11-23T06:59:59.500Z", Duration.ofMillis(300));
        // when
        daemon.start(false);
        // then
        assertThat(trigger.awaitBriefs(2)).isTrue();
        Thread.sleep(1000);
        assertThat(trigger.briefed).containsExactly(week("2026-11-16", "2026-11-22"), week("2026-11-16", "2026-11-22"));
    }

    @Test
    void aWindowAnotherInstanceIsBriefingIsLookedAtAgainUntilItIsBriefed() throws Exception {
        // given: another instance holds the window for the first two looks
        schedule("weekly", "0 0 7 * * MON");
        trigger.inProgressToGo.set(2);
        ScheduleDaemon daemon = daemon("2026-11-23T06:59:59.500Z",
                new ServeProperties(true, Duration.ZERO, Duration.ofSeconds(10), Duration.ofMillis(200)));
        // when
        daemon.start(false);
        // then
        assertThat(trigger.awaitBriefs(3)).isTrue();
        Thread.sleep(1000);
        assertThat(trigger.briefed).as("two looks while in progress elsewhere, then the run that briefs it")
            .containsExactly(week("2026-11-16", "2026-11-22"), week("2026-11-16", "2026-11-22"),
                    week("2026-11-16", "2026-11-22"));
    }

    @Test
    void stoppingAsksTheRunningBriefingToStopAndWaitsForIt() throws Exception {
        // given: a catch-up run that only ends when asked to stop
        schedule("weekly", "0 0 7 * * MON");
        trigger.runUntilStopped = true;
        ScheduleDaemon daemon = daemon("2026-11-25T10:00:00Z", Duration.ofMillis(100));
        daemon.start(true);
        assertThat(trigger.awaitBriefs(1)).isTrue();
        // when
        daemon.stop();
        // then
        assertThat(trigger.stopRequests.get()).isEqualTo(1);
        assertThat(trigger.finished.getCount()).isZero();
        assertThat(daemon.awaitStop(Duration.ZERO)).isTrue();
        Thread.sleep(500);
        assertThat(trigger.briefed).as("a stopped run is not retried by a stopping daemon").hasSize(1);
    }

    @Test
    void anInvalidScheduleFileStopsTheStartWithTheLineNamingIt() throws Exception {
        // given
        schedule("weekly", "0 0 7 * MON");
        // when, then
        assertThatThrownBy(() -> daemon("2026-11-25T10:00:00Z", Duration.ZERO).start(true))
            .isInstanceOf(ScheduleFileException.class)
            .hasMessageContaining("weekly.yml: cron: '0 0 7 * MON' is not a Spring cron expression");
    }

    /** Records what it was asked to brief; briefed windows count as briefed for a catch-up. */
    static final class RecordingTrigger implements BriefingTrigger {

        final List<Window> briefed = new CopyOnWriteArrayList<>();

        final AtomicInteger failuresToGo = new AtomicInteger();

        final AtomicInteger inProgressToGo = new AtomicInteger();

        final AtomicInteger stopRequests = new AtomicInteger();

        final CountDownLatch stopped = new CountDownLatch(1);

        final CountDownLatch finished = new CountDownLatch(1);

        volatile boolean runUntilStopped;

        @Override
        public Result brief(Schedule schedule, Window window) {
            briefed.add(window);
            try {
                if (runUntilStopped) {
                    stopped.await(10, TimeUnit.SECONDS);
                    return new Result(Outcome.STOPPED, "stopped");
                }
                if (inProgressToGo.getAndDecrement() > 0) {
                    return new Result(Outcome.IN_PROGRESS, "being briefed by another run right now");
                }
                return failuresToGo.getAndDecrement() > 0 ? new Result(Outcome.FAILED, "SMTP down")
                        : new Result(Outcome.BRIEFED, "done");
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return new Result(Outcome.FAILED, "interrupted");
            }
            finally {
                finished.countDown();
            }
        }

        @Override
        public boolean isBriefed(Schedule schedule, Window window) {
            return briefed.contains(window);
        }

        @Override
        public void stopRunning() {
            stopRequests.incrementAndGet();
            stopped.countDown();
        }

        boolean awaitBriefs(int count) throws InterruptedException {
            for (int i = 0; i < 100 && briefed.size() < count; i++) {
                Thread.sleep(50);
            }
            return briefed.size() >= count;
        }
    }
}
