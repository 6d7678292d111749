package org.watchbrief.store;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Composed digests, one per schedule and window end. */
@Repository
public class DigestRepository {

    private static final RowMapper<DigestRecord> ROW = (rs, n) -> new DigestRecord(rs.getLong("id"),
            rs.getString("schedule_name"), rs.getDate("window_start").toLocalDate(),
            rs.getDate("window_end").toLocalDate(), rs.getTimestamp("created_at").toInstant(), rs.getString("model"),
            rs.getString("docx_path"), rs.getString("pdf_path"));

    private final JdbcTemplate jdbc;

    public DigestRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the digest for a schedule's window, replacing the model of one composed before (a
     * restarted run composes again); returns its id.
     */
    public long save(String scheduleName, LocalDate windowStart, LocalDate windowEnd, Instant createdAt, String model,
            Long jobExecutionId) {
        Optional<DigestRecord> existing = find(scheduleName, windowEnd);
        if (existing.isPresent()) {
            jdbc.update("""
                    UPDATE digest SET window_start = ?, created_at = ?, model = ?, job_execution_id = ?
                    WHERE id = ?
                    """, Date.valueOf(windowStart), Timestamp.from(createdAt), model, jobExecutionId,
                    existing.get().id());
            return existing.get().id();
        }
        jdbc.update("""
                INSERT INTO digest (schedule_name, window_start, window_end, created_at, job_execution_id, model)
                VALUES (?, ?, ?, ?, ?, ?)
                """, scheduleName, Date.valueOf(windowStart), Date.valueOf(windowEnd), Timestamp.from(createdAt),
                jobExecutionId, model);
        return find(scheduleName, windowEnd).orElseThrow().id();
    }

    public Optional<DigestRecord> find(String scheduleName, LocalDate windowEnd) {
        List<DigestRecord> rows = jdbc.query("SELECT * FROM digest WHERE schedule_name = ? AND window_end = ?", ROW,
                scheduleName, Date.valueOf(windowEnd));
        return rows.stream().findFirst();
    }

    public Optional<DigestRecord> findById(long id) {
        return jdbc.query("SELECT * FROM digest WHERE id = ?", ROW, id).stream().findFirst();
    }

    public void recordFiles(long id, String docxPath, String pdfPath) {
        jdbc.update("UPDATE digest SET docx_path = ?, pdf_path = ? WHERE id = ?", docxPath, pdfPath, id);
    }
}
