package org.watchbrief.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * What a briefing run would do now, worked out without doing it ({@code run --dry-run}).
 *
 * @param parameters the schedule, window and overrides
 * @param state whether a run would brief the window, resume an earlier run, or do nothing
 * @param lastExecutionId the window's last run, {@code null} if it never ran
 * @param resumeAt the step a resumed run starts at; {@code null} unless {@code state} is RESUME
 * @param inbox the folder intake reads
 * @param newDocuments the inbox files intake would read (their keys, in order); empty when intake would not run
 * @param unreadable the inbox files intake would quarantine, each with its reason
 * @param alreadySeen the inbox files passed over because their content is stored or quarantined
 * @param themes the themes the digest would cover, in order
 * @param files the digest files it would write
 * @param recipients who would receive it; empty for nobody
 */
public record BriefingPlan(BriefingParameters parameters, State state, Long lastExecutionId, String resumeAt,
        Path inbox, List<String> newDocuments, List<String> unreadable, int alreadySeen, List<String> themes,
        List<Path> files, List<String> recipients) {

    public BriefingPlan {
        newDocuments = List.copyOf(newDocuments);
        unreadable = List.copyOf(unreadable);
        themes = List.copyOf(themes);
        files = List.copyOf(files);
        recipients = List.copyOf(recipients);
    }

    /** Whether intake would read the inbox. */
    public boolean readsInbox() {
        return readsInbox(state, resumeAt);
    }

    static boolean readsInbox(State state, String resumeAt) {
        return state == State.BRIEF || (state == State.RESUME && "intake".equals(resumeAt));
    }

    public enum State {
        /** Never briefed: a run would do it all. */
        BRIEF,
        /** The last run failed or was stopped: a run would resume it at {@code resumeAt}. */
        RESUME,
        /** Briefed before: a run would do nothing. */
        DONE,
        /** A run is marked as running: another run would do nothing. */
        RUNNING
    }
}
