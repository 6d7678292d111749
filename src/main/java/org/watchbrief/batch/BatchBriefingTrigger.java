package org.watchbrief.batch;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;
import org.watchbrief.digest.Window;
import org.watchbrief.schedule.BriefingTrigger;
import org.watchbrief.schedule.Schedule;

/** The schedule daemon's briefings, run as the {@code briefing} job through {@link BriefingLauncher}. */
@Component
class BatchBriefingTrigger implements BriefingTrigger {

    private static final Logger log = LoggerFactory.getLogger(BatchBriefingTrigger.class);

    /** How long a stop waits for a briefing that is starting to have an execution to stop. */
    private static final Duration STARTING_WAIT = Duration.ofSeconds(5);

    private final BriefingLauncher launcher;

    private final RunningBriefings executions;

    private final JobRepository jobRepository;

    /** The briefings this process is running, as schedule and window end. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    BatchBriefingTrigger(BriefingLauncher launcher, RunningBriefings executions, JobRepository jobRepository) {
        this.launcher = launcher;
        this.executions = executions;
        this.jobRepository = jobRepository;
    }

    @Override
    public Result brief(Schedule schedule, Window window) {
        BriefingParameters parameters = new BriefingParameters(schedule.name(), window);
        String key = key(parameters);
        running.add(key);
        try {
            BriefingResult result = launcher.brief(parameters);
            return switch (result.outcome()) {
                case COMPLETED -> new Result(BriefingTrigger.Outcome.BRIEFED, "execution " + result.executionId()
                        + ": " + result.read() + " new document(s) read, " + result.files().size()
                        + " file(s) written, " + result.delivered().size() + " email(s) delivered");
                case ALREADY_BRIEFED -> new Result(BriefingTrigger.Outcome.ALREADY_BRIEFED, result.message());
                case IN_PROGRESS -> new Result(BriefingTrigger.Outcome.IN_PROGRESS, result.message());
                case FAILED -> stopped(result)
                        ? new Result(BriefingTrigger.Outcome.STOPPED, "execution " + result.executionId()
                                + " stopped" + (result.failedStep() == null ? "" : " in step " + result.failedStep()))
                        : new Result(BriefingTrigger.Outcome.FAILED, "execution " + result.executionId()
                                + (result.failedStep() == null ? "" : ", step " + result.failedStep()) + ": "
                                + result.message());
            };
        }
        finally {
            running.remove(key);
        }
    }

    private boolean stopped(BriefingResult result) {
        if (result.executionId() == null) {
            return false;
        }
        JobExecution execution = jobRepository.getJobExecution(result.executionId());
        return execution != null && execution.getStatus() == BatchStatus.STOPPED;
    }

    @Override
    public boolean isBriefed(Schedule schedule, Window window) {
        JobInstance instance = jobRepository.getJobInstance(BriefingJobConfiguration.JOB_NAME,
                new BriefingParameters(schedule.name(), window).toJobParameters());
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    /**
     * Asks each briefing this process runs to stop. One that is only starting has no execution to
     * stop yet, so this looks again for a few seconds until every one has been asked.
     */
    @Override
    public void stopRunning() {
        long deadline = System.nanoTime() + STARTING_WAIT.toNanos();
        Set<String> asked = new HashSet<>();
        while (true) {
            for (JobExecution execution : executions.stop(e -> running.contains(key(e)) && !asked.contains(key(e)))) {
                asked.add(key(execution));
                log.info("Asked execution {} to stop at its next safe point", execution.getId());
            }
            if (asked.containsAll(running) || System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String key(JobExecution execution) {
        return key(BriefingParameters.from(execution.getJobParameters()));
    }

    private static String key(BriefingParameters parameters) {
        return parameters.scheduleName() + "|" + parameters.window().end();
    }
}
