package org.watchbrief.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Input that could not be read, with the reason. */
@Repository
public class QuarantineRepository {

    /**
     * A quarantined document.
     *
     * @param storedPath where the file was moved, {@code null} when it was only recorded
     */
    public record Entry(long id, String sourceKey, String contentHash, String reason, String storedPath,
            Instant quarantinedAt) {
    }

    private final JdbcTemplate jdbc;

    public QuarantineRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param contentHash the content's hash, {@code null} when it could not be read */
    public void add(String sourceKey, String contentHash, String reason, String storedPath, Instant at,
            Long jobExecutionId) {
        jdbc.update("""
                INSERT INTO quarantine (source_key, content_hash, reason, stored_path, quarantined_at, job_execution_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """, DocumentRepository.truncate(sourceKey, 1000), contentHash,
                DocumentRepository.truncate(reason, 2000), storedPath, Timestamp.from(at), jobExecutionId);
    }

    /** Whether this content was quarantined before: it is not read again until it changes. */
    public boolean isQuarantined(String contentHash) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM quarantine WHERE content_hash = ?", Integer.class,
                contentHash);
        return count != null && count > 0;
    }

    public List<Entry> all() {
        return jdbc.query("SELECT * FROM quarantine ORDER BY id", (rs, n) -> new Entry(rs.getLong("id"),
                rs.getString("source_key"), rs.getString("content_hash"), rs.getString("reason"), rs.getString("stored_path"),
                rs.getTimestamp("quarantined_at").toInstant()));
    }
}
