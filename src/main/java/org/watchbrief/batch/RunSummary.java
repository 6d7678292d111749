package org.watchbrief.batch;

import java.time.Duration;
import java.time.LocalDateTime;

import org.springframework.batch.core.BatchStatus;

/**
 * One run (job execution) as an operator sees it.
 *
 * @param executionId the job execution's id, which {@code restart} and {@code abandon} take
 * @param jobName the job: {@code briefing}
 * @param status Spring Batch's status: COMPLETED, FAILED, STARTED (running, or left so by a killed
 * process), STOPPED, ABANDONED
 * @param parameters the schedule, window and overrides; {@code null} for a job other than briefing
 * @param started when it started; {@code null} if it never did
 * @param ended when it ended; {@code null} while it runs (or was left STARTED)
 * @param lastUpdated the last time it or one of its steps recorded progress
 * @param read documents intake read
 * @param skipped documents intake skipped into quarantine
 * @param written documents intake stored
 * @param sent emails delivered (sent, or written as .eml files)
 * @param step the step that failed, or the one running when last seen; {@code null} otherwise
 * @param error why it failed, in one line; {@code null} unless it failed
 * @param resumedBy the latest later run of the same briefing (a restart), {@code null} if none
 */
public record RunSummary(long executionId, String jobName, BatchStatus status, BriefingParameters parameters,
        LocalDateTime started, LocalDateTime ended, LocalDateTime lastUpdated, long read, long skipped, long written,
        long sent, String step, String error, Long resumedBy) {

    /** How long it ran; {@code null} until it ends. */
    public Duration duration() {
        return started == null || ended == null ? null : Duration.between(started, ended);
    }

    /** STARTING, STARTED or STOPPING: running, or left so by a process that died. */
    public boolean running() {
        return status.isRunning();
    }

    /** FAILED or STOPPED: a restart resumes it where it stopped (unless a later run already did). */
    public boolean restartable() {
        return status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
    }
}
