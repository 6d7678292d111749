package org.watchbrief.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.analysis.ThemeScore;
import org.watchbrief.support.BothDatabases;
import org.watchbrief.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchbrief.support.AnalysedDocuments.aNewsStory;
import static org.watchbrief.support.AnalysedDocuments.aPressRelease;

/**
 * What the store keeps of analysed documents and what composing a digest asks of it, on H2 and (in
 * the postgresql run) PostgreSQL.
 */
@SpringBootTest
@BothDatabases
class DocumentRepositoryIT {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, work);
    }

    @Autowired
    DocumentRepository documents;

    @Autowired
    DigestQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyStore() {
        TestDatabase.emptyDocuments(jdbc);
    }

    @Test
    void aThemeTheDocumentDidNotTouchIsNotStoredAndReadsBackAsAbsent() {
        // given: a press release about grooming, scored 0 on livestreaming and 0.2 on legislation
        LocalDate published = LocalDate.of(2026, 11, 3);
        var release = aPressRelease("Grooming offences to carry longer sentences", published)
            .about("grooming", 0.91, "Groomers will face longer sentences.", "groomers")
            .untouched("livestreaming")
            .about("legislation", 0.2, "The bill returns to the Commons.", "bill")
            .build();
        // when
        documents.insertAll(List.of(release), Instant.parse("2026-11-04T06:00:00Z"));
        List<StoredDocument> stored = documents.findRelevantBetween(published, published);
        // then: two rows, not three; the untouched theme is simply absent
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_theme", Long.class)).isEqualTo(2);
        assertThat(stored).singleElement()
            .extracting(StoredDocument::themes)
            .satisfies(themes -> assertThat(themes).extracting(ThemeScore::theme)
                .containsExactlyInAnyOrder("grooming", "legislation"));
        assertThat(stored.get(0).themes()).filteredOn(t -> t.theme().equals("grooming"))
            .singleElement()
            .satisfies(t -> {
                assertThat(t.score()).isEqualTo(0.91);
                assertThat(t.evidence()).singleElement()
                    .satisfies(e -> assertThat(e.sentence()).isEqualTo("Groomers will face longer sentences."));
            });
    }

    @Test
    void aFundingAnnouncementIsFirstReportedByTheEarliestRelevantDocumentThatReportsItAsFunding() {
        // given: £30m reported on 12 October off-topic, on 20 October on-topic, and on 4 November again
        Instant now = Instant.parse("2026-11-05T06:00:00Z");
        documents.insertAll(List.of(
                aNewsStory("Stadium gets £30m roof", LocalDate.of(2026, 10, 12)).notRelevant()
                    .funding("£30m", "30000000", "a new roof")
                    .build(),
                aNewsStory("Charities welcome £30m fund", LocalDate.of(2026, 10, 20))
                    .about("grooming", 0.7, "A £30m fund to stop grooming.", "grooming")
                    .funding("£30m", "30000000", "stopping grooming")
                    .build(),
                aNewsStory("Grooming fund opens to bids", LocalDate.of(2026, 11, 4))
                    .about("grooming", 0.7, "Forces can bid for the £30 million fund.", "grooming")
                    .funding("£30 million", "30000000", "stopping grooming")
                    .build()), now);
        String key = jdbc.queryForObject("SELECT DISTINCT announcement FROM money_mention", String.class);
        // when
        Map<String, LocalDate> first = queries.firstReported(List.of(key, key, "GBP 2026 unknown"));
        // then: the off-topic stadium is not a report of it; an unknown key is left out
        assertThat(first).containsExactly(Map.entry(key, LocalDate.of(2026, 10, 20)));
    }
}
