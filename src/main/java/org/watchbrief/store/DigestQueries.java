package org.watchbrief.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The read-only question composing a digest asks the store beyond the windows' documents: when
 * each funding announcement was first reported, in any version of any relevant document.
 * Portable SQL (H2 and PostgreSQL).
 */
@Repository
public class DigestQueries {

    /** How many ids one {@code IN} list carries. */
    private static final int IN_LIST = 500;

    private final NamedParameterJdbcTemplate named;

    public DigestQueries(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
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
     * funding (the document's brief date). Keys no document reports are left out.
     */
    public Map<String, LocalDate> firstReported(Collection<String> announcements) {
        Map<String, LocalDate> first = new HashMap<>();
        for (List<String> part : parts(List.copyOf(new LinkedHashSet<>(announcements)))) {
            named.query("""
                    SELECT m.announcement, MIN(d.brief_date) AS first_reported
                    FROM money_mention m JOIN document d ON d.id = m.document_id
                    WHERE d.relevant AND m.kind = 'funding' AND m.announcement IN (:keys)
                    GROUP BY m.announcement
                    """, new MapSqlParameterSource("keys", part), rs -> {
                first.put(rs.getString("announcement"), rs.getDate("first_reported").toLocalDate());
            });
        }
        return first;
    }

    private static <T> List<List<T>> parts(List<T> all) {
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_LIST) {
            parts.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
        }
        return parts;
    }
}
