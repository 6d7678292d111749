package org.watchbrief.store;

import java.time.Instant;

/**
 * One email of one digest to one recipient.
 *
 * @param digestId the digest sent
 * @param recipient the address
 * @param messageId the Message-ID, the same for every attempt, so a repeat can be recognised
 * @param status {@code PENDING}, {@code SENT} or {@code FAILED}
 * @param attempts how many sends were tried, resends included
 * @param lastError why the last attempt failed, {@code null} when it did not
 * @param sentAt when it was last sent, {@code null} until then
 * @param location where it went: the SMTP server, or the .eml file written instead
 * @param resends how many times an operator had it sent again (0: the delivery itself)
 * @param lastAttemptAt when a send was last tried, {@code null} before the first
 */
public record OutboxEntry(long digestId, String recipient, String messageId, Status status, int attempts,
        String lastError, Instant sentAt, String location, int resends, Instant lastAttemptAt) {

    public enum Status {
        PENDING, SENT, FAILED
    }

    /**
     * Tried since it was last sent (if ever), but neither marked sent nor failed: the server may
     * have accepted it just before the process stopped.
     */
    public boolean mayHaveBeenSent() {
        return status != Status.SENT && lastAttemptAt != null && lastError == null
                && (sentAt == null || lastAttemptAt.isAfter(sentAt));
    }
}
