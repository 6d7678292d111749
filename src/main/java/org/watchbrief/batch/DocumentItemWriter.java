package org.watchbrief.batch;

import java.time.Clock;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.store.DocumentRepository;

/** Stores a chunk of analysed documents in JDBC batches, in the chunk's transaction. */
class DocumentItemWriter implements ItemWriter<AnalysedDocument> {

    private final DocumentRepository documents;

    private final Clock clock;

    DocumentItemWriter(DocumentRepository documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends AnalysedDocument> chunk) {
        documents.insertAll(java.util.List.copyOf(chunk.getItems()), clock.instant());
    }
}
