package org.watchbrief.batch;

import java.time.Clock;
import java.util.List;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.store.DocumentRepository;

/**
 * Stores a chunk of analysed documents in JDBC batches, in the chunk's transaction; a document
 * stored before under the same source key becomes a new version of it.
 */
class DocumentItemWriter implements ItemWriter<AnalysedDocument> {

    private final DocumentRepository documents;

    private final Clock clock;

    DocumentItemWriter(DocumentRepository documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends AnalysedDocument> chunk) {
        StepContext step = StepSynchronizationManager.getContext();
        Long jobExecutionId = step == null ? null : step.getStepExecution().getJobExecutionId();
        documents.insertAll(List.copyOf(chunk.getItems()), clock.instant(), jobExecutionId);
    }
}
