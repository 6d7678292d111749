package org.watchbrief.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * What a briefing run did, for the command line to report.
 *
 * @param outcome how it ended
 * @param executionId the job execution, {@code null} when none was started
 * @param parameters the schedule and window
 * @param read documents read by intake
 * @param written documents stored
 * @param skipped documents quarantined
 * @param files the digest files
 * @param delivered where each email went (an address, or an .eml file)
 * @param failedStep the step that failed, {@code null} unless {@code outcome} is FAILED
 * @param message a human explanation: the failure, or why nothing was done
 */
public record BriefingResult(Outcome outcome, Long executionId, BriefingParameters parameters, long read,
        long written, long skipped, List<Path> files, List<String> delivered, String failedStep, String message) {

    public BriefingResult {
        files = List.copyOf(files);
        delivered = List.copyOf(delivered);
    }

    public enum Outcome {
        /** The briefing was made. */
        COMPLETED,
        /** The window was briefed before; nothing was done. */
        ALREADY_BRIEFED,
        /** Another run is briefing this window right now; nothing was done. */
        IN_PROGRESS,
        /** The run failed; it can be restarted. */
        FAILED
    }
}
