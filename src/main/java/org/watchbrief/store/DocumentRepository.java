package org.watchbrief.store;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.watchbrief.analysis.DatePrecision;
import org.watchbrief.analysis.DatedEvent;
import org.watchbrief.analysis.Evidence;
import org.watchbrief.analysis.MoneyKind;
import org.watchbrief.analysis.MoneyMention;
import org.watchbrief.analysis.ThemeScore;
import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.intake.DocumentMetadata;
import org.watchbrief.intake.DocumentType;

/** Documents and what the analysis found in them. */
@Repository
public class DocumentRepository {

    private static final String INSERT_DOCUMENT = """
            INSERT INTO document (source_key, content_hash, source_url, doc_type, title, department, uin, asked,
                answered, answered_by, published, brief_date, relevant, summary, body, ingested_at, revision, version,
                latest, answered_by_role, corrected, holding, job_execution_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** The documents of a window: the latest version of each, relevant ones only. */
    private static final String WINDOW = "relevant AND latest AND brief_date BETWEEN ? AND ?";

    /**
     * A version taken in by one run, for {@code ingest} to report.
     *
     * @param version 1 for a new document, 2 and up for a new version of one stored before
     */
    public record Ingested(String sourceKey, String title, DocumentType type, int version, LocalDate briefDate,
            boolean relevant, boolean holding, boolean textCut) {
    }

    private final JdbcTemplate jdbc;

    private final NamedParameterJdbcTemplate named;

    public DocumentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The hashes among {@code hashes} that the store already holds. */
    public Set<String> knownHashes(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("SELECT content_hash FROM document WHERE content_hash IN (:hashes)",
                new MapSqlParameterSource("hashes", hashes), String.class));
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM document", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * The revisions among those of {@code sourceKeys} that the store holds, in any version; one
     * query, so a page of candidates costs one round trip whatever the store's size.
     */
    public Set<SourceRevision> knownRevisions(Collection<String> sourceKeys) {
        if (sourceKeys.isEmpty()) {
            return Set.of();
        }
        Set<SourceRevision> known = new HashSet<>();
        named.query("SELECT source_key, revision FROM document WHERE revision IS NOT NULL AND source_key IN (:keys)",
                new MapSqlParameterSource("keys", sourceKeys),
                rs -> {
                    known.add(new SourceRevision(rs.getString(1), rs.getString(2)));
                });
        return known;
    }

    /** Stores documents and their analysis in JDBC batches, in the caller's transaction. */
    public void insertAll(List<AnalysedDocument> documents, Instant ingestedAt) {
        insertAll(documents, ingestedAt, null);
    }

    /**
     * Stores documents and their analysis in JDBC batches, in the caller's transaction. A
     * document whose source key is stored already becomes its next version, and the latest: the
     * versions before stay, no longer listed by {@link #findRelevantBetween}.
     *
     * @param jobExecutionId the run taking them in, {@code null} when there is none
     */
    public void insertAll(List<AnalysedDocument> documents, Instant ingestedAt, Long jobExecutionId) {
        if (documents.isEmpty()) {
            return;
        }
        List<String> sourceKeys = documents.stream().map(AnalysedDocument::sourceKey).distinct().toList();
        Map<String, Integer> versions = new HashMap<>();
        named.query("SELECT source_key, MAX(version) FROM document WHERE source_key IN (:keys) GROUP BY source_key",
                new MapSqlParameterSource("keys", sourceKeys), rs -> {
                    versions.put(rs.getString(1), rs.getInt(2));
                });
        if (!versions.isEmpty()) {
            named.update("UPDATE document SET latest = FALSE WHERE latest AND source_key IN (:keys)",
                    new MapSqlParameterSource("keys", versions.keySet()));
        }
        int[] version = new int[documents.size()];
        boolean[] latest = new boolean[documents.size()];
        Map<String, Integer> lastIndex = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            version[i] = versions.merge(documents.get(i).sourceKey(), 1, Integer::sum);
            lastIndex.put(documents.get(i).sourceKey(), i);
        }
        lastIndex.values().forEach(i -> latest[i] = true);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement(INSERT_DOCUMENT, new String[] { "id" }),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        AnalysedDocument d = documents.get(i);
                        DocumentMetadata m = d.metadata();
                        ps.setString(1, d.sourceKey());
                        ps.setString(2, d.contentHash());
                        ps.setString(3, m.sourceUrl());
                        ps.setString(4, m.type().label());
                        ps.setString(5, truncate(m.title(), 1000));
                        ps.setString(6, truncate(m.department(), 300));
                        ps.setString(7, truncate(m.uin(), 50));
                        ps.setObject(8, sqlDate(m.asked()));
                        ps.setObject(9, sqlDate(m.answered()));
                        ps.setString(10, truncate(m.answeredBy(), 300));
                        ps.setObject(11, sqlDate(m.published()));
                        ps.setDate(12, Date.valueOf(d.briefDate()));
                        ps.setBoolean(13, d.analysis().relevant());
                        ps.setString(14, truncate(d.summary(), 4000));
                        ps.setString(15, d.body());
                        ps.setTimestamp(16, Timestamp.from(ingestedAt));
                        ps.setString(17, truncate(d.revision(), 200));
                        ps.setInt(18, version[i]);
                        ps.setBoolean(19, latest[i]);
                        ps.setString(20, truncate(m.answeredByRole(), 300));
                        ps.setObject(21, sqlDate(m.corrected()));
                        ps.setBoolean(22, m.holding());
                        ps.setObject(23, jobExecutionId);
                    }

                    @Override
                    public int getBatchSize() {
                        return documents.size();
                    }
                }, keys);
        List<Long> ids = keys.getKeyList().stream().map(k -> ((Number) k.values().iterator().next()).longValue())
            .toList();
        insertThemes(documents, ids);
        insertMoney(documents, ids);
        insertEvents(documents, ids);
        markTextCut(documents, ids);
    }

    /** Flags the documents whose text was cut at the character limit. */
    private void markTextCut(List<AnalysedDocument> documents, List<Long> ids) {
        List<Long> cut = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i).textCut()) {
                cut.add(ids.get(i));
            }
        }
        if (!cut.isEmpty()) {
            named.update("UPDATE document SET text_cut = TRUE WHERE id IN (:ids)", new MapSqlParameterSource("ids", cut));
        }
    }

    /**
     * A row per theme the document scored on; a theme it did not touch (score 0, not assigned) has
     * none, and reads back as absent, which every reader takes as a score of 0: about half of all
     * scores are 0, and a row costs the store two index entries.
     */
    private void insertThemes(List<AnalysedDocument> documents, List<Long> ids) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            for (ThemeScore t : documents.get(i).analysis().themes()) {
                if (t.score() == 0 && !t.assigned()) {
                    continue;
                }
                Evidence first = t.evidence().isEmpty() ? null : t.evidence().get(0);
                String phrases = String.join("; ", t.evidence().stream().map(Evidence::phrase).distinct().toList());
                rows.add(new Object[] { ids.get(i), t.theme(), BigDecimal.valueOf(t.score()), t.assigned(),
                        truncate(phrases.isEmpty() ? null : phrases, 1000),
                        first == null ? null : truncate(first.sentence(), 2000) });
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO document_theme (document_id, theme, score, assigned, evidence_phrases, evidence_sentence)
                VALUES (?, ?, ?, ?, ?, ?)
                """, rows);
    }

    private void insertMoney(List<AnalysedDocument> documents, List<Long> ids) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            AnalysedDocument d = documents.get(i);
            List<MoneyMention> money = d.analysis().money();
            Date briefDate = Date.valueOf(d.briefDate());
            for (int p = 0; p < money.size(); p++) {
                MoneyMention m = money.get(p);
                rows.add(new Object[] { ids.get(i), p, truncate(m.text(), 200), m.amount(), m.currency(),
                        m.kind().label(), truncate(m.purpose(), 1000), truncate(m.announcement(), 300), briefDate,
                        d.analysis().relevant() });
            }
        }
        // the document's brief date and relevance, with each sum: see DigestQueries.firstReported
        jdbc.batchUpdate("""
                INSERT INTO money_mention (document_id, position, text, amount, currency, kind, purpose, announcement,
                    brief_date, relevant)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    private void insertEvents(List<AnalysedDocument> documents, List<Long> ids) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            List<DatedEvent> events = documents.get(i).analysis().events();
            for (int p = 0; p < events.size(); p++) {
                DatedEvent e = events.get(p);
                rows.add(new Object[] { ids.get(i), p, Date.valueOf(e.date()), e.precision().label(),
                        truncate(e.text(), 300), truncate(e.event(), 1000) });
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO dated_event (document_id, position, event_date, date_precision, text, description)
                VALUES (?, ?, ?, ?, ?, ?)
                """, rows);
    }

    /** The full text of each of the documents, by id (schedule filters look for keywords in it). */
    public Map<Long, String> bodiesOf(Collection<Long> ids) {
        Map<Long, String> bodies = new HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            named.query("SELECT id, body FROM document WHERE id IN (:ids)",
                    new MapSqlParameterSource("ids", all.subList(from, Math.min(all.size(), from + 1000))),
                    rs -> {
                        bodies.put(rs.getLong("id"), rs.getString("body"));
                    });
        }
        return bodies;
    }

    /** The versions taken in by one run, in the order they were stored. */
    public List<Ingested> ingestedBy(long jobExecutionId) {
        return ingestedBy(jobExecutionId, Integer.MAX_VALUE);
    }

    /** The first {@code limit} versions taken in by one run, in the order they were stored. */
    public List<Ingested> ingestedBy(long jobExecutionId, int limit) {
        return jdbc.query("""
                SELECT source_key, title, doc_type, version, brief_date, relevant, holding, text_cut
                FROM document WHERE job_execution_id = ? ORDER BY id FETCH FIRST ? ROWS ONLY
                """, (rs, n) -> new Ingested(rs.getString("source_key"), rs.getString("title"),
                DocumentType.fromLabel(rs.getString("doc_type")), rs.getInt("version"), localDate(rs, "brief_date"),
                rs.getBoolean("relevant"), rs.getBoolean("holding"), rs.getBoolean("text_cut")), jobExecutionId, limit);
    }

    /**
     * How many versions one run took in, and how many of them were new versions of documents
     * stored before.
     */
    public record IngestedCounts(long versions, long newVersions) {
    }

    public IngestedCounts ingestedCounts(long jobExecutionId) {
        return jdbc.queryForObject("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN version > 1 THEN 1 ELSE 0 END), 0)
                FROM document WHERE job_execution_id = ?
                """, (rs, n) -> new IngestedCounts(rs.getLong(1), rs.getLong(2)), jobExecutionId);
    }

    /**
     * The relevant documents whose brief date falls within [from, to], oldest first: the latest
     * version of each, so a corrected answer is listed once, as corrected.
     */
    public List<StoredDocument> findRelevantBetween(LocalDate from, LocalDate to) {
        Map<Long, Builder> builders = new LinkedHashMap<>();
        jdbc.query("""
                SELECT id, source_key, source_url, doc_type, title, department, uin, asked, answered, answered_by,
                       published, brief_date, summary, answered_by_role, corrected, holding
                FROM document WHERE %s ORDER BY brief_date, id
                """.formatted(WINDOW), rs -> {
            builders.put(rs.getLong("id"), new Builder(rs));
        }, Date.valueOf(from), Date.valueOf(to));
        if (builders.isEmpty()) {
            return List.of();
        }
        String window = "SELECT id FROM document WHERE " + WINDOW;
        Object[] args = { Date.valueOf(from), Date.valueOf(to) };
        jdbc.query("SELECT * FROM document_theme WHERE document_id IN (" + window + ") ORDER BY document_id",
                rs -> {
                    String sentence = rs.getString("evidence_sentence");
                    String phrases = rs.getString("evidence_phrases");
                    List<Evidence> evidence = sentence == null ? List.of()
                            : List.of(new Evidence(phrases == null ? "" : phrases, sentence));
                    builders.get(rs.getLong("document_id")).themes.add(new ThemeScore(rs.getString("theme"),
                            rs.getBigDecimal("score").doubleValue(), rs.getBoolean("assigned"), evidence));
                }, args);
        jdbc.query("SELECT * FROM money_mention WHERE document_id IN (" + window + ") ORDER BY document_id, position",
                rs -> {
                    builders.get(rs.getLong("document_id")).money.add(new MoneyMention(rs.getString("text"),
                            rs.getBigDecimal("amount"), rs.getString("currency"),
                            MoneyKind.fromLabel(rs.getString("kind")), rs.getString("purpose"),
                            rs.getString("announcement")));
                }, args);
        jdbc.query("SELECT * FROM dated_event WHERE document_id IN (" + window + ") ORDER BY document_id, position",
                rs -> {
                    builders.get(rs.getLong("document_id")).events.add(new DatedEvent(
                            rs.getDate("event_date").toLocalDate(),
                            DatePrecision.fromLabel(rs.getString("date_precision")), rs.getString("text"),
                            rs.getString("description")));
                }, args);
        return builders.values().stream().map(Builder::build).toList();
    }

    private static final class Builder {

        private final long id;

        private final String sourceKey;

        private final DocumentMetadata metadata;

        private final LocalDate briefDate;

        private final String summary;

        private final List<ThemeScore> themes = new ArrayList<>();

        private final List<MoneyMention> money = new ArrayList<>();

        private final List<DatedEvent> events = new ArrayList<>();

        Builder(ResultSet rs) throws SQLException {
            id = rs.getLong("id");
            sourceKey = rs.getString("source_key");
            metadata = new DocumentMetadata(DocumentType.fromLabel(rs.getString("doc_type")), rs.getString("title"),
                    rs.getString("department"), rs.getString("uin"), localDate(rs, "asked"),
                    localDate(rs, "answered"), rs.getString("answered_by"), localDate(rs, "published"),
                    rs.getString("source_url"), rs.getString("answered_by_role"), localDate(rs, "corrected"),
                    rs.getBoolean("holding"));
            briefDate = localDate(rs, "brief_date");
            summary = rs.getString("summary");
        }

        StoredDocument build() {
            return new StoredDocument(id, sourceKey, metadata, briefDate, summary, themes, money, events);
        }
    }

    static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
