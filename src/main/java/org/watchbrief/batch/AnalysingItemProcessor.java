package org.watchbrief.batch;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.intake.DocumentReader;
import org.watchbrief.intake.SourceDocument;

/** Extracts, parses and analyses one document; an unreadable one throws a skippable exception. */
class AnalysingItemProcessor implements ItemProcessor<SourceDocument, AnalysedDocument> {

    private final DocumentReader reader;

    private final Clock clock;

    AnalysingItemProcessor(DocumentReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @Override
    public AnalysedDocument process(SourceDocument document) {
        return reader.read(document, LocalDate.now(clock));
    }
}
