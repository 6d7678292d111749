package org.watchbrief.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** How far each web source has been harvested. */
@Repository
public class WatermarkRepository {

    private final JdbcTemplate jdbc;

    public WatermarkRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The source's watermark, empty before its first complete harvest. */
    public Optional<String> find(String source) {
        return jdbc.queryForList("SELECT watermark FROM source_watermark WHERE source = ?", String.class, source)
            .stream()
            .findFirst();
    }

    /** Records the source's watermark, replacing the one before. */
    public void save(String source, String watermark, Instant at) {
        int updated = jdbc.update("UPDATE source_watermark SET watermark = ?, updated_at = ? WHERE source = ?",
                watermark, Timestamp.from(at), source);
        if (updated == 0) {
            jdbc.update("INSERT INTO source_watermark (source, watermark, updated_at) VALUES (?, ?, ?)", source,
                    watermark, Timestamp.from(at));
        }
    }
}
