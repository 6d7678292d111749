package org.watchbrief.schedule;

import org.watchbrief.digest.Window;

/**
 * How the daemon starts a briefing, without knowing how briefings are made (the batch room
 * implements it with the {@code briefing} job). Implementations are thread-safe, and hold a lock
 * per window in the database, so that several daemons sharing one database brief each window
 * once: the others are told {@link Outcome#IN_PROGRESS}.
 */
public interface BriefingTrigger {

    /**
     * Briefs a schedule's window: runs it, restarts it where a failed or stopped run left it, or
     * does nothing when it was briefed before. Blocks until the run ends.
     */
    Result brief(Schedule schedule, Window window);

    /** Whether the schedule's window was briefed to the end (so a catch-up would do nothing). */
    boolean isBriefed(Schedule schedule, Window window);

    /**
     * Asks the briefings this process is running to stop at their next safe point (between
     * chunks, between recipients), leaving them restartable. Returns once each has been asked
     * (within seconds), without waiting for them to stop.
     */
    void stopRunning();

    /** How a run ended. */
    enum Outcome {
        /** The window was briefed and delivered. */
        BRIEFED,
        /** The window had been briefed before; nothing was done. */
        ALREADY_BRIEFED,
        /** Another run is briefing this window; nothing was done. */
        IN_PROGRESS,
        /** The run was asked to stop and did, restartable. */
        STOPPED,
        /** The run failed, restartable. */
        FAILED
    }

    /**
     * @param outcome how it ended
     * @param detail one line for the log: what was made and sent, or what went wrong
     */
    record Result(Outcome outcome, String detail) {
    }
}
