package org.watchbrief.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The outbox: one row per (digest, recipient), so a restart never sends twice and never forgets
 * one. Each method is one statement; callers commit each change on its own.
 */
@Repository
public class OutboxRepository {

    private static final RowMapper<OutboxEntry> ROW = (rs, n) -> new OutboxEntry(rs.getLong("digest_id"),
            rs.getString("recipient"), rs.getString("message_id"), OutboxEntry.Status.valueOf(rs.getString("status")),
            rs.getInt("attempts"), rs.getString("last_error"), instant(rs.getTimestamp("sent_at")),
            rs.getString("location"), rs.getInt("resends"), instant(rs.getTimestamp("last_attempt_at")));

    private final JdbcTemplate jdbc;

    public OutboxRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a PENDING row unless the recipient already has one for this digest (whose state is
     * kept). No failing insert is involved, so this is safe inside any transaction on any database.
     *
     * @return whether a row was added
     */
    public boolean enqueue(long digestId, String recipient, String messageId) {
        return jdbc.update("""
                INSERT INTO outbox (digest_id, recipient, message_id, status, attempts, resends)
                SELECT CAST(? AS BIGINT), CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(300)), 'PENDING', 0, 0
                WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE digest_id = ? AND recipient = ?)
                """, digestId, recipient, messageId, digestId, recipient) == 1;
    }

    public List<OutboxEntry> forDigest(long digestId) {
        return jdbc.query("SELECT * FROM outbox WHERE digest_id = ? ORDER BY recipient", ROW, digestId);
    }

    /** The rows not yet SENT (PENDING or FAILED), in recipient order. */
    public List<OutboxEntry> pending(long digestId) {
        return jdbc.query("SELECT * FROM outbox WHERE digest_id = ? AND status <> 'SENT' ORDER BY recipient", ROW,
                digestId);
    }

    /** Records that a send is being tried, before it is. */
    public void markAttempt(long digestId, String recipient, Instant at) {
        jdbc.update("""
                UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?, last_error = NULL
                WHERE digest_id = ? AND recipient = ?
                """, Timestamp.from(at), digestId, recipient);
    }

    public void markSent(long digestId, String recipient, Instant sentAt, String location) {
        jdbc.update("""
                UPDATE outbox SET status = 'SENT', sent_at = ?, location = ?, last_error = NULL
                WHERE digest_id = ? AND recipient = ?
                """, Timestamp.from(sentAt), location, digestId, recipient);
    }

    public void markFailed(long digestId, String recipient, String error) {
        jdbc.update("UPDATE outbox SET status = 'FAILED', last_error = ? WHERE digest_id = ? AND recipient = ?",
                DocumentRepository.truncate(error, 2000), digestId, recipient);
    }

    /**
     * Makes a SENT row PENDING again for an operator's resend, with the resend's own Message-ID.
     *
     * @return whether the row was SENT and is now PENDING
     */
    public boolean reopen(long digestId, String recipient, int resends, String messageId) {
        return jdbc.update("""
                UPDATE outbox SET status = 'PENDING', resends = ?, message_id = ?, last_error = NULL
                WHERE digest_id = ? AND recipient = ? AND status = 'SENT'
                """, resends, messageId, digestId, recipient) == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
