package org.watchbrief.batch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Intake, one run at a time across every instance sharing the database. Every schedule's run (and
 * {@code ingest}) reads the same inbox and web sources into the same store: two intakes at once
 * would both find a new document unseen and both store it, the second failing its chunk on the
 * unique content hash, and would race each other for the web sources' watermarks. The intake step
 * therefore takes this lock before it reads anything and frees it when it ends; by then what the
 * other run took in is stored, and this one passes it over. A holder that dies frees the lock
 * within {@code watchbrief.lock.hold}. A stop asked for while waiting stops the step,
 * restartable.
 */
@Component
class IntakeLock implements StepExecutionListener {

    static final String NAME = "intake";

    private static final Duration POLL = Duration.ofSeconds(1);

    private final LaunchLock lock;

    /** The lock each running intake step holds, by step execution. */
    private final Map<Long, LaunchLock.Held> held = new ConcurrentHashMap<>();

    IntakeLock(LaunchLock lock) {
        this.lock = lock;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        LaunchLock.Held taken = lock.acquire(NAME, POLL, stepExecution::isTerminateOnly)
            .orElseThrow(() -> new IllegalStateException("stopped while waiting for another run's intake to end",
                    new JobInterruptedException("stopped before intake began")));
        held.put(stepExecution.getId(), taken);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        LaunchLock.Held taken = held.remove(stepExecution.getId());
        if (taken != null) {
            taken.close();
        }
        return null;
    }
}
