package org.watchbrief.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The read-only question composing a digest asks the store beyond the windows' documents: when
 * each funding announcement was first reported, in any version of any relevant document.
 * Portable SQL (H2 and PostgreSQL).
 */
@Repository
public class DigestQueries {

    private final JdbcTemplate jdbc;

    public DigestQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The key under which a funding mention is counted: its announcement key, or, for a mention
     * that has none, a key of its own, so that it counts once and alone.
     *
     * @param position the mention's place among its document's sums of money, from 0
     */
    public static String fundingKey(String announcement, long documentId, int position) {
        return announcement != null ? announcement : "document " + documentId + " #" + position;
    }

    /**
     * For each announcement key, the earliest date on which a relevant document reported it as
     * funding (the document's brief date). Keys no document reports are left out. One query a key,
     * each answered from the first entries of index {@code money_mention_first_ix} (announcement,
     * date), whatever the store's size and however many documents report the key: its ORDER BY
     * names both of the index's columns, which H2 needs to read the index in order rather than sort.
     */
    public Map<String, LocalDate> firstReported(Collection<String> announcements) {
        Map<String, LocalDate> first = new HashMap<>();
        for (String key : new LinkedHashSet<>(announcements)) {
            jdbc.query("""
                    SELECT brief_date FROM money_mention
                    WHERE announcement = ? AND kind = 'funding' AND relevant
                    ORDER BY announcement, brief_date FETCH FIRST 1 ROW ONLY
                    """, rs -> {
                first.put(key, rs.getDate(1).toLocalDate());
            }, key);
        }
        return first;
    }
}
