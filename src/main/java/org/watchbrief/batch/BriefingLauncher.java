package org.watchbrief.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;
import org.watchbrief.batch.BriefingResult.Outcome;
import org.watchbrief.store.DigestRecord;
import org.watchbrief.store.DigestRepository;
import org.watchbrief.store.OutboxEntry;
import org.watchbrief.store.OutboxRepository;

/** The one place briefings are started: the command line and the schedule daemon come here. */
@Service
public class BriefingLauncher {

    private static final Logger log = LoggerFactory.getLogger(BriefingLauncher.class);

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final Job briefingJob;

    private final DigestRepository digests;

    private final OutboxRepository outbox;

    private final StepReporter stepReporter;

    private final LaunchLock lock;

    private final OrphanedRuns orphans;

    /** Launches under way in this process, for a shutdown to wait for. */
    private final AtomicInteger launching = new AtomicInteger();

    public BriefingLauncher(JobOperator jobOperator, JobRepository jobRepository, Job briefingJob,
            DigestRepository digests, OutboxRepository outbox, StepReporter stepReporter, LaunchLock lock,
            OrphanedRuns orphans) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.briefingJob = briefingJob;
        this.digests = digests;
        this.outbox = outbox;
        this.stepReporter = stepReporter;
        this.lock = lock;
        this.orphans = orphans;
    }

    /**
     * Briefs a window: runs the job, or says why it did not. A window briefed before is not
     * briefed again; a window whose last run failed is restarted where it stopped.
     */
    public BriefingResult brief(BriefingParameters parameters) {
        return brief(parameters, BriefingProgress.NONE);
    }

    /** As {@link #brief(BriefingParameters)}, reporting progress to a display on the way. */
    public BriefingResult brief(BriefingParameters parameters, BriefingProgress display) {
        launching.incrementAndGet();
        try {
            return launch(parameters, display);
        }
        finally {
            synchronized (launching) {
                launching.decrementAndGet();
                launching.notifyAll();
            }
        }
    }

    /**
     * Waits until no launch is under way in this process, at most the given time; true when none is.
     */
    boolean awaitNoLaunch(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (launching) {
            while (launching.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                launching.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    private BriefingResult launch(BriefingParameters parameters, BriefingProgress display) {
        log.info("Briefing {} for {}{}", parameters.scheduleName(), parameters.window(),
                parameters.adHoc() ? " (ad hoc: " + parameters.overrides().describe() + ")" : "");
        String lockName = "briefing:" + parameters.digestName() + ":" + parameters.window().end();
        Optional<LaunchLock.Held> held = lock.tryAcquire(lockName);
        if (held.isEmpty()) {
            return inProgress(parameters, lock.lastHolder(lockName).map(h -> " (" + h + " holds it)").orElse(""));
        }
        try (LaunchLock.Held window = held.get(); StepReporter.Attachment attached = stepReporter.attach(display)) {
            resumeOrphan(parameters);
            JobExecution execution = jobOperator.start(briefingJob, parameters.toJobParameters());
            return result(execution, parameters);
        }
        catch (JobInstanceAlreadyCompleteException ex) {
            return alreadyBriefed(parameters);
        }
        catch (JobExecutionAlreadyRunningException ex) {
            return inProgress(parameters, "");
        }
        catch (JobRestartException | InvalidJobParametersException ex) {
            return new BriefingResult(Outcome.FAILED, null, parameters, 0, 0, 0, List.of(), List.of(), null,
                    ex.getMessage());
        }
    }

    /**
     * Under the window's lock no other live process is briefing the window, so an execution still
     * marked running was left so by a process that died (killed, or its machine lost): it is marked
     * FAILED, and the start that follows resumes it where it stopped.
     */
    private void resumeOrphan(BriefingParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(briefingJob.getName(), parameters.toJobParameters());
        if (last != null && last.getStatus().isRunning()) {
            log.warn("Execution {} of this window was left {} by a process that stopped; resuming it", last.getId(),
                    last.getStatus());
            orphans.markFailed(last, "left " + last.getStatus() + " by a process that stopped; resumed by the next run");
        }
    }

    private BriefingResult inProgress(BriefingParameters parameters, String holder) {
        JobExecution running = jobRepository.getLastJobExecution(briefingJob.getName(), parameters.toJobParameters());
        Long id = running == null || !running.getStatus().isRunning() ? null : running.getId();
        return new BriefingResult(Outcome.IN_PROGRESS, id, parameters, 0, 0, 0, List.of(), List.of(), null,
                "the " + parameters.scheduleName() + " window ending " + parameters.window().end()
                        + " is being briefed by another run right now" + holder
                        + (id == null ? "" : " (execution " + id + ")"));
    }

    private BriefingResult alreadyBriefed(BriefingParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(briefingJob.getName(), parameters.toJobParameters());
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        List<Path> files = digests.find(parameters.digestName(), parameters.window().end())
            .map(BriefingLauncher::files).orElse(List.of());
        String when = last == null || last.getEndTime() == null ? "" : " on " + last.getEndTime().withNano(0);
        return new BriefingResult(Outcome.ALREADY_BRIEFED, last == null ? null : last.getId(), parameters, 0, 0, 0,
                files, List.of(), null, "the " + parameters.scheduleName() + " window ending "
                        + parameters.window().end() + " was already briefed" + when);
    }

    BriefingResult result(JobExecution execution, BriefingParameters parameters) {
        long read = 0;
        long written = 0;
        long skipped = 0;
        String failedStep = null;
        String failure = null;
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().equals("intake")) {
                read = step.getReadCount();
                written = step.getWriteCount();
                skipped = step.getSkipCount();
            }
            if (step.getStatus() == BatchStatus.FAILED) {
                failedStep = step.getStepName();
                failure = step.getFailureExceptions().stream().map(BriefingLauncher::rootMessage).findFirst()
                    .orElse(step.getExitStatus().getExitDescription());
            }
        }
        if (failure == null && !execution.getAllFailureExceptions().isEmpty()) {
            failure = rootMessage(execution.getAllFailureExceptions().get(0));
        }
        List<Path> files = new ArrayList<>();
        List<String> delivered = new ArrayList<>();
        digests.find(parameters.digestName(), parameters.window().end()).ifPresent(digest -> {
            files.addAll(files(digest));
            outbox.forDigest(digest.id()).stream().filter(e -> e.status() == OutboxEntry.Status.SENT)
                .forEach(e -> delivered.add(e.recipient() + " -> " + e.location()));
        });
        Outcome outcome = execution.getStatus() == BatchStatus.COMPLETED ? Outcome.COMPLETED : Outcome.FAILED;
        return new BriefingResult(outcome, execution.getId(), parameters, read, written, skipped, files, delivered,
                failedStep, failure);
    }

    private static List<Path> files(DigestRecord digest) {
        List<Path> files = new ArrayList<>();
        if (digest.docxPath() != null) {
            files.add(Path.of(digest.docxPath()));
        }
        if (digest.pdfPath() != null) {
            files.add(Path.of(digest.pdfPath()));
        }
        return files;
    }

    /**
     * The message a person can act on: that of the outermost exception of Watchbrief's own in the
     * chain (they are written for people), else the root cause's.
     */
    static String rootMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getClass().getName().startsWith("org.watchbrief.") && c.getMessage() != null) {
                return c.getMessage();
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == t || message.equals(t.getMessage()) ? message
                : t.getMessage() + " (" + root.getClass().getSimpleName() + ": " + message + ")";
    }
}
