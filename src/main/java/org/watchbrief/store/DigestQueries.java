package org.watchbrief.store;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The read-only questions composing a digest asks the store beyond the window's documents: their
 * text, when each funding announcement was first reported, the funding and theme counts of
 * earlier windows. Portable SQL (H2 and PostgreSQL).
 */
@Repository
public class DigestQueries {

    /** How many ids one {@code IN} list carries. */
    private static final int IN_LIST = 500;

    private final JdbcTemplate jdbc;

    private final NamedParameterJdbcTemplate named;

    public DigestQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    /** The body text of each document, by id; ids the store does not hold are left out. */
    public Map<Long, String> bodies(Collection<Long> ids) {
        Map<Long, String> bodies = new HashMap<>();
        for (List<Long> part : parts(List.copyOf(new LinkedHashSet<>(ids)))) {
            named.query("SELECT id, body FROM document WHERE id IN (:ids)", new MapSqlParameterSource("ids", part),
                    rs -> {
                        bodies.put(rs.getLong("id"), rs.getString("body"));
                    });
        }
        return bodies;
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

    /**
     * A sum of funding in pounds reported by a relevant document.
     *
     * @param key the key it is counted under ({@link #fundingKey})
     * @param announced true when {@code key} is an announcement key shared across documents
     * @param amount in pounds
     * @param briefDate the reporting document's brief date
     * @param themes the themes assigned to the reporting document
     */
    public record FundingReport(String key, boolean announced, BigDecimal amount, long documentId,
            LocalDate briefDate, Set<String> themes) {

        public FundingReport {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(amount, "amount");
            themes = Set.copyOf(themes);
        }
    }

    /** The funding in pounds reported by relevant documents whose brief date falls within [from, to]. */
    public List<FundingReport> fundingReportedBetween(LocalDate from, LocalDate to) {
        Object[] window = { Date.valueOf(from), Date.valueOf(to) };
        Map<Long, Set<String>> themes = new HashMap<>();
        jdbc.query("""
                SELECT t.document_id, t.theme FROM document_theme t JOIN document d ON d.id = t.document_id
                WHERE t.assigned AND d.relevant AND d.brief_date BETWEEN ? AND ?
                """, rs -> {
            themes.computeIfAbsent(rs.getLong("document_id"), id -> new HashSet<>()).add(rs.getString("theme"));
        }, window);
        List<FundingReport> reports = new ArrayList<>();
        jdbc.query("""
                SELECT m.document_id, m.position, m.amount, m.announcement, d.brief_date
                FROM money_mention m JOIN document d ON d.id = m.document_id
                WHERE d.relevant AND d.brief_date BETWEEN ? AND ? AND m.kind = 'funding' AND m.currency = 'GBP'
                ORDER BY d.brief_date, m.document_id, m.position
                """, rs -> {
            long id = rs.getLong("document_id");
            String announcement = rs.getString("announcement");
            reports.add(new FundingReport(fundingKey(announcement, id, rs.getInt("position")), announcement != null,
                    rs.getBigDecimal("amount"), id, rs.getDate("brief_date").toLocalDate(),
                    themes.getOrDefault(id, Set.of())));
        }, window);
        return reports;
    }

    /** How many relevant documents were assigned a theme on one brief date. */
    public record ThemeDayCount(String theme, LocalDate briefDate, int documents) {
    }

    /** Relevant documents per assigned theme and brief date, for brief dates within [from, to]. */
    public List<ThemeDayCount> themeCountsBetween(LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT t.theme, d.brief_date, COUNT(*) AS documents
                FROM document d JOIN document_theme t ON t.document_id = d.id
                WHERE d.relevant AND t.assigned AND d.brief_date BETWEEN ? AND ?
                GROUP BY t.theme, d.brief_date
                """, (rs, n) -> new ThemeDayCount(rs.getString("theme"), rs.getDate("brief_date").toLocalDate(),
                rs.getInt("documents")), Date.valueOf(from), Date.valueOf(to));
    }

    private static <T> List<List<T>> parts(List<T> all) {
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_LIST) {
            parts.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
        }
        return parts;
    }
}
