package org.watchbrief.intake;

import java.time.LocalDate;
import java.util.Objects;

import org.watchbrief.analysis.Analysis;

/**
 * A document read, parsed and analysed: what the store keeps and the digest lists.
 *
 * @param sourceKey how its source knows it
 * @param name a short name ({@code wq-001.txt})
 * @param contentHash SHA-256 of its content
 * @param metadata what its layout or source says
 * @param body its text without the layout's furniture
 * @param analysis relevance, themes, money and events
 * @param summary a short extractive summary
 * @param referenceDate the date relative dates were resolved against: published, else the day it came in
 * @param revision what distinguishes this version from others of the same source key, {@code null}
 *     when the source has no notion of it
 * @param textCut the document held more text than {@code watchbrief.intake.max-characters}: the
 *     body is its beginning only
 */
public record AnalysedDocument(String sourceKey, String name, String contentHash, DocumentMetadata metadata,
        String body, Analysis analysis, String summary, LocalDate referenceDate, String revision, boolean textCut) {

    public AnalysedDocument {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(referenceDate, "referenceDate");
    }

    /** A document read whole. */
    public AnalysedDocument(String sourceKey, String name, String contentHash, DocumentMetadata metadata, String body,
            Analysis analysis, String summary, LocalDate referenceDate, String revision) {
        this(sourceKey, name, contentHash, metadata, body, analysis, summary, referenceDate, revision, false);
    }

    public AnalysedDocument(String sourceKey, String name, String contentHash, DocumentMetadata metadata, String body,
            Analysis analysis, String summary, LocalDate referenceDate) {
        this(sourceKey, name, contentHash, metadata, body, analysis, summary, referenceDate, contentHash);
    }

    /** The date briefing windows are applied to: the metadata's, else the day it came in. */
    public LocalDate briefDate() {
        LocalDate date = metadata.briefDate();
        return date != null ? date : referenceDate;
    }
}
