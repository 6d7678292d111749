package org.watchbrief.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The outbox: one row per (digest, recipient), so a restart never sends twice and never forgets one. */
@Repository
public class OutboxRepository {

    private static final RowMapper<OutboxEntry> ROW = (rs, n) -> {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new OutboxEntry(rs.getLong("digest_id"), rs.getString("recipient"), rs.getString("message_id"),
                OutboxEntry.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                sentAt == null ? null : sentAt.toInstant(), rs.getString("location"));
    };

    private final JdbcTemplate jdbc;

    public OutboxRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a PENDING row unless the recipient already has one for this digest. */
    public void enqueue(long digestId, String recipient, String messageId) {
        try {
            jdbc.update("""
                    INSERT INTO outbox (digest_id, recipient, message_id, status, attempts)
                    VALUES (?, ?, ?, 'PENDING', 0)
                    """, digestId, recipient, messageId);
        }
        catch (DuplicateKeyException alreadyQueued) {
            // the recipient's row survives from an earlier attempt of this run: keep its state
        }
    }

    public List<OutboxEntry> forDigest(long digestId) {
        return jdbc.query("SELECT * FROM outbox WHERE digest_id = ? ORDER BY recipient", ROW, digestId);
    }

    public List<OutboxEntry> pending(long digestId) {
        return jdbc.query("SELECT * FROM outbox WHERE digest_id = ? AND status <> 'SENT' ORDER BY recipient", ROW,
                digestId);
    }

    public void markSent(long digestId, String recipient, Instant sentAt, String location) {
        jdbc.update("""
                UPDATE outbox SET status = 'SENT', attempts = attempts + 1, sent_at = ?, location = ?, last_error = NULL
                WHERE digest_id = ? AND recipient = ?
                """, Timestamp.from(sentAt), location, digestId, recipient);
    }

    public void markFailed(long digestId, String recipient, String error) {
        jdbc.update("""
                UPDATE outbox SET status = 'FAILED', attempts = attempts + 1, last_error = ?
                WHERE digest_id = ? AND recipient = ?
                """, DocumentRepository.truncate(error, 2000), digestId, recipient);
    }
}
