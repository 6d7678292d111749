package org.watchbrief.batch;

import java.time.Clock;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.intake.DocumentReader;
import org.watchbrief.intake.SourceDocument;

/**
 * Extracts, parses and analyses one document, or takes the analysis {@link AnalysisAhead} made
 * while the previous chunk was written; an unreadable one throws a skippable exception.
 */
class AnalysingItemProcessor implements ItemProcessor<SourceDocument, AnalysedDocument> {

    private final AnalysisAhead analyses;

    AnalysingItemProcessor(AnalysisAhead analyses) {
        this.analyses = analyses;
    }

    /** Analysing each document when it is processed, on the caller's thread. */
    AnalysingItemProcessor(DocumentReader reader, Clock clock) {
        this(new AnalysisAhead(reader, clock, 1));
    }

    @Override
    public AnalysedDocument process(SourceDocument document) {
        return analyses.take(document);
    }
}
