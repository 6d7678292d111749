package org.watchbrief.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.watchbrief.digest.Window;
import org.watchbrief.schedule.BriefingTrigger.Outcome;
import org.watchbrief.schedule.BriefingTrigger.Result;

/**
 * The {@code serve} daemon: fires each schedule at its cron time in its zone and briefs the
 * window that fire time calls for. On start it briefs once the latest run of each schedule that
 * was missed while it was down (not once per missed run); a failed run is tried again later;
 * {@link #stop()} lets a running briefing reach a safe point and stop, restartable.
 * <p>
 * Briefings run one at a time, on one thread. Several daemons may share one database (each
 * window is briefed once, by whichever takes its lock first); a window another instance is
 * briefing is looked at again every {@code retry-in-progress-after}, so that this instance
 * finishes it if that one dies. The firing logic reads time only from the injected {@link Clock}; the
 * scheduler never wakes more than an hour ahead, so a clock that jumps (or a machine that
 * sleeps) delays a run by an hour at most.
 */
public final class ScheduleDaemon {

    private static final Logger log = LoggerFactory.getLogger(ScheduleDaemon.class);

    private static final Duration LONGEST_SLEEP = Duration.ofHours(1);

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm zzz", Locale.UK);

    private final Schedules schedules;

    private final BriefingTrigger trigger;

    private final Clock clock;

    private final ServeProperties properties;

    private final Set<ScheduledFuture<?>> pending = ConcurrentHashMap.newKeySet();

    private final CountDownLatch stopped = new CountDownLatch(1);

    private ThreadPoolTaskScheduler scheduler;

    private volatile boolean stopping;

    public ScheduleDaemon(Schedules schedules, BriefingTrigger trigger, Clock clock, ServeProperties properties) {
        this.schedules = schedules;
        this.trigger = trigger;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * What the daemon will do for a schedule.
     *
     * @param schedule the schedule
     * @param next its next fire time, {@code null} when it never fires again
     * @param catchUp the missed fire time it briefs now, {@code null} when none
     */
    public record Plan(Schedule schedule, ZonedDateTime next, ZonedDateTime catchUp) {
    }

    /**
     * Reads the schedules and starts firing them; returns at once.
     *
     * @param catchUp whether to brief now the latest missed run of each schedule
     * @throws ScheduleFileException when a schedule file is wrong, or there is none
     */
    public synchronized List<Plan> start(boolean catchUp) {
        if (scheduler != null) {
            throw new IllegalStateException("the daemon has already been started");
        }
        List<Schedule> all = schedules.all();
        if (all.isEmpty()) {
            throw new ScheduleFileException(schedules.directory(), "directory",
                    "holds no schedule files (*.yml); add one, or set watchbrief.schedules-dir");
        }
        scheduler = newScheduler();
        List<Plan> plans = new ArrayList<>();
        try {
            Instant now = clock.instant();
            for (Schedule schedule : all) {
                FireTimes times = schedule.fireTimes();
                ZonedDateTime missed = catchUp ? times.latestAtOrBefore(now)
                    .filter(fire -> !trigger.isBriefed(schedule, schedule.windowFor(fire)))
                    .orElse(null) : null;
                if (missed != null) {
                    log.info("{}: the run of {} was missed while Watchbrief was not serving; briefing it now, once",
                            schedule.name(), WHEN.format(missed));
                    submit(() -> run(schedule, missed, "catch-up"), now);
                }
                ZonedDateTime next = times.nextAfter(now).orElse(null);
                if (next != null) {
                    arm(schedule, next);
                    log.info("{}: next run {}, briefing {}", schedule.name(), WHEN.format(next),
                            schedule.windowFor(next).describe());
                }
                else {
                    log.warn("{}: its cron expression '{}' never fires again", schedule.name(), schedule.cron());
                }
                plans.add(new Plan(schedule, next, missed));
            }
        }
        catch (RuntimeException ex) {
            scheduler.shutdown();
            throw ex;
        }
        return plans;
    }

    /**
     * Stops firing, asks a running briefing to stop at its next safe point and waits for it (up
     * to {@code watchbrief.serve.shutdown-timeout}). Idempotent; safe from any thread.
     */
    public void stop() {
        ThreadPoolTaskScheduler running;
        synchronized (this) {
            if (scheduler == null || stopping) {
                return;
            }
            stopping = true;
            running = scheduler;
        }
        log.info("Stopping: no new runs; a running briefing is asked to stop at its next safe point");
        pending.forEach(future -> future.cancel(false));
        trigger.stopRunning();
        running.shutdown();
        if (!running.getScheduledThreadPoolExecutor().isTerminated()) {
            log.error("A briefing was still running after {}; it is left to be restarted by the next run or start",
                    properties.shutdownTimeout());
        }
        log.info("Stopped");
        stopped.countDown();
    }

    /** Whether it has been started and not stopped: its {@link #stop()} then stops its briefings. */
    public synchronized boolean isServing() {
        return scheduler != null && !stopping;
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Waits up to the timeout for {@link #stop()} to finish; true when it has. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private ThreadPoolTaskScheduler newScheduler() {
        ThreadPoolTaskScheduler pool = new ThreadPoolTaskScheduler();
        pool.setPoolSize(1);
        pool.setThreadNamePrefix("watchbrief-serve-");
        pool.setClock(clock);
        pool.setRemoveOnCancelPolicy(true);
        // never interrupt a running briefing: an interrupted H2 file channel closes the database
        pool.setWaitForTasksToCompleteOnShutdown(true);
        pool.setAwaitTerminationMillis(properties.shutdownTimeout().toMillis());
        pool.setErrorHandler(t -> log.error("The schedule daemon hit an unexpected error: {}", t.toString(), t));
        pool.initialize();
        return pool;
    }

    /** Wakes at the fire time, or within the hour to look at the clock again. */
    private void arm(Schedule schedule, ZonedDateTime due) {
        Instant latestWake = clock.instant().plus(LONGEST_SLEEP);
        if (due.toInstant().isAfter(latestWake)) {
            submit(() -> {
                if (clock.instant().isBefore(due.toInstant())) {
                    arm(schedule, due);
                }
                else {
                    fire(schedule, due);
                }
            }, latestWake);
        }
        else {
            submit(() -> fire(schedule, due), due.toInstant());
        }
    }

    private void fire(Schedule schedule, ZonedDateTime due) {
        run(schedule, due, "scheduled");
        FireTimes times = schedule.fireTimes();
        Instant now = clock.instant();
        Optional<ZonedDateTime> next = times.nextAfter(due.toInstant());
        if (next.isPresent() && !next.get().toInstant().isAfter(now)) {
            // runs fell due while this one ran (or the machine slept): brief the latest once
            next = times.latestAtOrBefore(now);
            log.warn("{}: runs fell due while the last one was running; briefing the latest, of {}, once",
                    schedule.name(), WHEN.format(next.orElseThrow()));
        }
        next.ifPresentOrElse(n -> {
            arm(schedule, n);
            log.info("{}: next run {}", schedule.name(), WHEN.format(n));
        }, () -> log.warn("{}: its cron expression '{}' never fires again", schedule.name(), schedule.cron()));
    }

    private void run(Schedule schedule, ZonedDateTime fireTime, String why) {
        if (stopping) {
            return;
        }
        Window window = schedule.windowFor(fireTime);
        log.info("{}: {} run of {}: briefing {}", schedule.name(), why, WHEN.format(fireTime), window.describe());
        long started = System.nanoTime();
        Result result;
        try {
            result = trigger.brief(schedule, window);
        }
        catch (RuntimeException ex) {
            result = new Result(Outcome.FAILED, ex.toString());
        }
        String took = Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s";
        switch (result.outcome()) {
            case BRIEFED, ALREADY_BRIEFED -> log.info("{}: {} ({}): {}", schedule.name(),
                    result.outcome() == Outcome.BRIEFED ? "briefed" : "nothing to do", took, result.detail());
            case STOPPED -> log.warn("{}: stopped ({}), restartable: {}", schedule.name(), took, result.detail());
            case IN_PROGRESS -> {
                // another instance is briefing it: look again, and finish it if that instance dies
                log.info("{}: not run here: {}", schedule.name(), result.detail());
                retryLater(schedule, fireTime, properties.retryInProgressAfter(), "looking again");
            }
            case FAILED -> {
                log.error("{}: the run failed ({}): {}", schedule.name(), took, result.detail());
                retryLater(schedule, fireTime, properties.retryFailedAfter(), "trying again");
            }
        }
    }

    /** Runs a window again later, as long as the schedule's next run is not due first. */
    private void retryLater(Schedule schedule, ZonedDateTime fireTime, Duration after, String what) {
        if (stopping || after.isZero() || after.isNegative()) {
            return;
        }
        Instant at = clock.instant().plus(after);
        Optional<ZonedDateTime> next = schedule.fireTimes().nextAfter(fireTime.toInstant());
        if (next.isPresent() && !at.isBefore(next.get().toInstant())) {
            log.warn("{}: the next run, of {}, is due before {} would be; if this one is not briefed, "
                    + "restart it with `watchbrief run {} --to {}`", schedule.name(), WHEN.format(next.get()), what,
                    schedule.name(), schedule.windowFor(fireTime).end());
            return;
        }
        log.info("{}: {} in {}", schedule.name(), what, after);
        submit(() -> run(schedule, fireTime, "retried"), at);
    }

    private void submit(Runnable task, Instant at) {
        if (stopping) {
            return;
        }
        pending.removeIf(ScheduledFuture::isDone);
        try {
            pending.add(scheduler.schedule(task, at));
        }
        catch (TaskRejectedException stoppedMeanwhile) {
            log.debug("Not scheduled, the daemon is stopping");
        }
    }
}
