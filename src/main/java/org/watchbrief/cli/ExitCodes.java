package org.watchbrief.cli;

/** The exit codes other tools rely on (DESIGN.md). */
public final class ExitCodes {

    /** Success, including "nothing to do". */
    public static final int OK = 0;

    /** The job failed; the message says which step and why. */
    public static final int JOB_FAILED = 1;

    /** A usage or configuration error, with a one-line message naming what to fix. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
