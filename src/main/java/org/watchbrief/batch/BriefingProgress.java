package org.watchbrief.batch;

/**
 * What a briefing run reports while it works, for a live display such as a terminal progress
 * bar. Calls come on the thread running the job, in order; implementations must return quickly.
 * When a run has no display ({@link #NONE}), the job logs plain progress lines instead.
 */
public interface BriefingProgress {

    /** No display: the job logs its progress. */
    BriefingProgress NONE = new BriefingProgress() {
    };

    /** A step begins: {@code intake}, {@code compose}, {@code render} or {@code deliver}. */
    default void stepStarted(String step) {
    }

    /**
     * Intake has dealt with one more document (stored, or skipped into quarantine).
     *
     * @param documents how many so far in this step
     */
    default void documentsRead(long documents) {
    }

    /** The run is over, whatever its outcome; the display can close. */
    default void finished() {
    }
}
