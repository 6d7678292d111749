package org.watchbrief.batch;

import org.springframework.batch.core.step.skip.SkipLimitExceededException;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.watchbrief.intake.UnreadableDocumentException;

/**
 * Skips unreadable documents into quarantine, up to {@code watchbrief.intake.skip-limit} per run;
 * past it the run fails with a message that says so. Anything else (a source that is down, the
 * database) is not skipped: the run fails and can be restarted.
 */
class QuarantineSkipPolicy implements SkipPolicy {

    private final long skipLimit;

    QuarantineSkipPolicy(long skipLimit) {
        this.skipLimit = skipLimit;
    }

    @Override
    public boolean shouldSkip(Throwable t, long skipCount) {
        if (!(t instanceof UnreadableDocumentException unreadable)) {
            return false;
        }
        if (skipCount < skipLimit) {
            return true;
        }
        throw new TooManyUnreadableException(skipLimit, unreadable);
    }

    /** The skip limit reached, said in words a user can act on. */
    static class TooManyUnreadableException extends SkipLimitExceededException {

        private final String message;

        TooManyUnreadableException(long skipLimit, UnreadableDocumentException last) {
            super(skipLimit, last);
            this.message = "intake stopped: more than " + skipLimit + " unreadable document(s) in one run "
                    + "(watchbrief.intake.skip-limit is " + skipLimit + "); the last was " + last.getMessage()
                    + ". Those quarantined before this chunk are listed by 'watchbrief ingest --quarantine'; the rest "
                    + "stay where they were. Fix the cause or raise the limit, then run again";
        }

        @Override
        public String getMessage() {
            return message;
        }
    }
}
