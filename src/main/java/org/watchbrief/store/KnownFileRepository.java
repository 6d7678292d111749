package org.watchbrief.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.watchbrief.intake.KnownFiles;

/**
 * The inbox's files as intake last hashed them (table {@code inbox_file}), and its buckets of files
 * as they were when all stored (table {@code inbox_bucket}).
 */
@Repository
public class KnownFileRepository implements KnownFiles {

    /** The most values in one IN list. */
    private static final int IN_LIST = 1_000;

    private final JdbcTemplate jdbc;

    private final NamedParameterJdbcTemplate named;

    public KnownFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public Map<String, Known> find(Collection<String> sourceKeys) {
        Map<String, Known> known = new HashMap<>();
        if (sourceKeys.isEmpty()) {
            return known;
        }
        named.query("""
                SELECT f.source_key, f.file_size, f.modified, f.content_hash, d.id
                FROM inbox_file f LEFT JOIN document d ON d.content_hash = f.content_hash
                WHERE f.source_key IN (:keys)""", new MapSqlParameterSource("keys", sourceKeys), rs -> {
                    rs.getLong(5);
                    boolean stored = !rs.wasNull(); // before another column is read: wasNull is of the last one
                    known.put(rs.getString(1), new Known(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            rs.getString(4), stored));
                });
        return known;
    }

    /** In the caller's transaction, if there is one: a rolled-back chunk forgets them, and they are hashed again. */
    @Override
    public void remember(List<Known> files) {
        if (files.isEmpty()) {
            return;
        }
        Map<String, Known> byKey = new LinkedHashMap<>(); // a file given twice (as itself and in its folder) once
        files.forEach(file -> byKey.put(file.sourceKey(), file));
        named.update("DELETE FROM inbox_file WHERE source_key IN (:keys)",
                new MapSqlParameterSource("keys", byKey.keySet()));
        List<Object[]> rows = new ArrayList<>(byKey.size());
        for (Known file : byKey.values()) {
            rows.add(new Object[] { file.sourceKey(), file.size(), file.modified(), file.contentHash() });
        }
        jdbc.batchUpdate("INSERT INTO inbox_file (source_key, file_size, modified, content_hash) VALUES (?, ?, ?, ?)",
                rows);
    }

    @Override
    public List<Bucket> buckets() {
        return jdbc.query("SELECT bucket, files, fingerprint FROM inbox_bucket",
                (rs, n) -> new Bucket(rs.getInt(1), rs.getInt(2), rs.getLong(3)));
    }

    /** In one transaction of its own when the caller has none: a bucket is never forgotten without its replacement. */
    @Override
    @Transactional
    public void recordBuckets(Set<Integer> replaced, List<Bucket> stored) {
        List<Integer> numbers = List.copyOf(replaced);
        for (int from = 0; from < numbers.size(); from += IN_LIST) {
            named.update("DELETE FROM inbox_bucket WHERE bucket IN (:buckets)", new MapSqlParameterSource("buckets",
                    numbers.subList(from, Math.min(numbers.size(), from + IN_LIST))));
        }
        jdbc.batchUpdate("INSERT INTO inbox_bucket (bucket, files, fingerprint) VALUES (?, ?, ?)",
                stored.stream().map(b -> new Object[] { b.number(), b.files(), b.fingerprint() }).toList());
    }
}
