package org.watchbrief.store;

import java.time.Instant;

/**
 * One email of one digest to one recipient.
 *
 * @param digestId the digest sent
 * @param recipient the address
 * @param messageId the Message-ID, the same for every attempt, so a repeat can be recognised
 * @param status {@code PENDING}, {@code SENT} or {@code FAILED}
 * @param attempts how many sends were tried
 * @param lastError why the last attempt failed, {@code null} when it did not
 * @param sentAt when it was sent, {@code null} until then
 * @param location where it went: the SMTP host, or the .eml file written instead
 */
public record OutboxEntry(long digestId, String recipient, String messageId, Status status, int attempts,
        String lastError, Instant sentAt, String location) {

    public enum Status {
        PENDING, SENT, FAILED
    }
}
