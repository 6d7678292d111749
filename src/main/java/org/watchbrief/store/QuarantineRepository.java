package org.watchbrief.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Input that could not be read, with the reason. */
@Repository
public class QuarantineRepository {

    /**
     * A quarantined document.
     *
     * @param contentHash the hash of its content, {@code null} when it could not be read
     * @param storedPath where the file (or the payload a web source gave) was put, {@code null} when
     *     there was nothing to keep
     * @param revision its revision at the source, {@code null} when unknown
     * @param jobExecutionId the run that quarantined it
     */
    public record Entry(long id, String sourceKey, String contentHash, String reason, String storedPath,
            Instant quarantinedAt, String revision, Long jobExecutionId) {
    }

    private static final RowMapper<Entry> ROW = (rs, n) -> new Entry(rs.getLong("id"), rs.getString("source_key"),
            rs.getString("content_hash"), rs.getString("reason"), rs.getString("stored_path"),
            rs.getTimestamp("quarantined_at").toInstant(), rs.getString("revision"),
            rs.getObject("job_execution_id") == null ? null : rs.getLong("job_execution_id"));

    private final JdbcTemplate jdbc;

    private final NamedParameterJdbcTemplate named;

    public QuarantineRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** @param contentHash the content's hash, {@code null} when it could not be read */
    public void add(String sourceKey, String contentHash, String reason, String storedPath, Instant at,
            Long jobExecutionId) {
        add(sourceKey, contentHash, reason, storedPath, at, jobExecutionId, null);
    }

    /**
     * Records a quarantined document, in the caller's transaction.
     *
     * @param contentHash the content's hash, {@code null} when it could not be read
     * @param revision its revision at the source, {@code null} when unknown
     */
    public void add(String sourceKey, String contentHash, String reason, String storedPath, Instant at,
            Long jobExecutionId, String revision) {
        jdbc.update("""
                INSERT INTO quarantine (source_key, content_hash, reason, stored_path, quarantined_at, job_execution_id,
                    revision)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, DocumentRepository.truncate(sourceKey, 1000), contentHash,
                DocumentRepository.truncate(reason, 2000), storedPath, Timestamp.from(at), jobExecutionId,
                DocumentRepository.truncate(revision, 200));
    }

    /** Whether this content was quarantined before. */
    public boolean isQuarantined(String contentHash) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM quarantine WHERE content_hash = ?", Integer.class,
                contentHash);
        return count != null && count > 0;
    }

    /**
     * The revisions among those of {@code sourceKeys} that were quarantined: a web source's item is
     * not fetched again until its revision changes.
     */
    public Set<SourceRevision> knownRevisions(Collection<String> sourceKeys) {
        if (sourceKeys.isEmpty()) {
            return Set.of();
        }
        Set<SourceRevision> known = new HashSet<>();
        named.query("SELECT source_key, revision FROM quarantine WHERE revision IS NOT NULL AND source_key IN (:keys)",
                new MapSqlParameterSource("keys", sourceKeys), rs -> {
                    known.add(new SourceRevision(rs.getString(1), rs.getString(2)));
                });
        return known;
    }

    /** Everything quarantined, oldest first. */
    public List<Entry> all() {
        return jdbc.query("SELECT * FROM quarantine ORDER BY id", ROW);
    }

    /** What one run quarantined, in order. */
    public List<Entry> byExecution(long jobExecutionId) {
        return jdbc.query("SELECT * FROM quarantine WHERE job_execution_id = ? ORDER BY id", ROW, jobExecutionId);
    }
}
