package org.watchbrief.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.watchbrief.analysis.DatedEvent;
import org.watchbrief.analysis.MoneyMention;
import org.watchbrief.analysis.ThemeScore;
import org.watchbrief.intake.DocumentMetadata;

/**
 * A document as the store holds it, with what the analysis found.
 *
 * @param id the store's id
 * @param sourceKey how its source knows it
 * @param metadata what its layout said
 * @param briefDate the date windows are applied to: published, else the day it came in
 * @param summary its short extractive summary
 * @param themes a score per theme it scored on, none for a theme it did not touch (evidence: the strongest only)
 * @param money its sums of money, in text order
 * @param events its dated events, in text order
 */
public record StoredDocument(long id, String sourceKey, DocumentMetadata metadata, LocalDate briefDate,
        String summary, List<ThemeScore> themes, List<MoneyMention> money, List<DatedEvent> events) {

    public StoredDocument {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(briefDate, "briefDate");
        themes = List.copyOf(themes);
        money = List.copyOf(money);
        events = List.copyOf(events);
    }

    /** Where a reader can find the document: its address when known, else its source key. */
    public String source() {
        return metadata.sourceUrl() != null ? metadata.sourceUrl() : sourceKey;
    }
}
