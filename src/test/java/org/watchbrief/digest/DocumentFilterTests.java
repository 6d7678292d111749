package org.watchbrief.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.watchbrief.intake.DocumentMetadata;
import org.watchbrief.intake.DocumentType;
import org.watchbrief.store.StoredDocument;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentFilterTests {

    private static final StoredDocument HOME_OFFICE_ANSWER = document(1, DocumentType.WRITTEN_QUESTION,
            "Online Safety: Encryption", "Home Office", "https://questions-statements.parliament.uk/written-questions/detail/2026-11-02/1",
            "The Home Office is working with platforms on end-to-end encryption.");

    private static final StoredDocument DSIT_PRESS_RELEASE = document(2, DocumentType.PRESS_RELEASE,
            "New detection service", "the Department for Science,  Innovation & Technology",
            "https://www.gov.uk/government/news/new-detection-service", "A shared detection service for apps.");

    private static final StoredDocument NEWS_ARTICLE = document(3, DocumentType.OTHER, "Ofcom fines a livestreaming app",
            null, null, "Ofcom fined the app after a football match was livestreamed.");

    private static final List<StoredDocument> ALL = List.of(HOME_OFFICE_ANSWER, DSIT_PRESS_RELEASE, NEWS_ARTICLE);

    private static final Map<Long, String> BODIES = Map.of(1L,
            "Ministers discussed end-to-end\nencryption and happy outcomes.", 2L, "Apps will share hashes of images.",
            3L, "The happiness of fans.");

    private static StoredDocument document(long id, DocumentType type, String title, String department, String url,
            String summary) {
        return new StoredDocument(id, "doc-" + id, new DocumentMetadata(type, title, department, null, null, null, null,
                LocalDate.of(2026, 11, 2), url), LocalDate.of(2026, 11, 2), summary, List.of(), List.of(), List.of());
    }

    private static List<Long> kept(DocumentFilter filter) {
        return filter.apply(ALL, ids -> BODIES).stream().map(StoredDocument::id).toList();
    }

    @Test
    void keepsTheDepartmentsAskedForWhateverTheirSpellingAndLeavesOutDocumentsNamingNone() {
        // given
        DocumentFilter filter = new DocumentFilter(List.of("home office", "Department for Science, Innovation and Technology"),
                List.of(), List.of(), List.of());
        // when, then
        assertThat(kept(filter)).containsExactly(1L, 2L);
    }

    @Test
    void keepsSourcesByDocumentTypeOrByWebDomainIncludingItsSubdomains() {
        // when, then
        assertThat(kept(new DocumentFilter(List.of(), List.of("written-question"), List.of(), List.of())))
            .containsExactly(1L);
        assertThat(kept(new DocumentFilter(List.of(), List.of("gov.uk"), List.of(), List.of()))).containsExactly(2L);
        assertThat(kept(new DocumentFilter(List.of(), List.of("parliament.uk", "other"), List.of(), List.of())))
            .containsExactly(1L, 3L);
    }

    @Test
    void aKeywordMatchesWholeWordsInAnyCaseAcrossLineBreaksInTitleSummaryOrText() {
        // when, then
        assertThat(kept(new DocumentFilter(List.of(), List.of(), List.of("End-to-End Encryption"), List.of())))
            .containsExactly(1L);
        assertThat(kept(new DocumentFilter(List.of(), List.of(), List.of("happy"), List.of())))
            .as("'happiness' is not 'happy'").containsExactly(1L);
        assertThat(kept(new DocumentFilter(List.of(), List.of(), List.of("hashes", "fined"), List.of())))
            .as("any one of the words will do").containsExactly(2L, 3L);
    }

    @Test
    void anExcludedKeywordLeavesADocumentOutWhereverItAppears() {
        // when, then
        assertThat(kept(new DocumentFilter(List.of(), List.of(), List.of(), List.of("football", "apps"))))
            .containsExactly(1L);
    }

    @Test
    void everyPartOfAFilterMustMatchAndTheTextIsReadOnlyForKeywords() {
        // given
        DocumentFilter filter = new DocumentFilter(List.of("Home Office"), List.of("written-question"),
                List.of("encryption"), List.of("football"));
        // when, then
        assertThat(kept(filter)).containsExactly(1L);
        assertThat(new DocumentFilter(List.of("Home Office"), List.of(), List.of(), List.of()).apply(ALL, ids -> {
            throw new AssertionError("no keyword, so no text needed");
        })).extracting(StoredDocument::id).containsExactly(1L);
        assertThat(DocumentFilter.NONE.apply(ALL, ids -> Map.of())).isEqualTo(ALL);
    }

    @Test
    void describesItselfForTheReader() {
        // when, then
        assertThat(new DocumentFilter(List.of("Home Office"), List.of("gov.uk"), List.of("encryption"), List.of("football"))
            .describe()).isEqualTo("from Home Office; sources gov.uk; mentioning encryption; not mentioning football");
        assertThat(DocumentFilter.NONE.describe()).isNull();
    }
}
