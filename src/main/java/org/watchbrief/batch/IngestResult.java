package org.watchbrief.batch;

import java.util.List;

import org.watchbrief.store.DocumentRepository.Ingested;
import org.watchbrief.store.QuarantineRepository.Entry;

/**
 * What an {@code ingest} run did, for the command line to report.
 *
 * @param completed whether the run completed
 * @param executionId the job execution
 * @param read documents read (new to the store) and handed on
 * @param passedOver documents listed but seen before
 * @param stored the versions stored, new documents and new versions of known ones
 * @param quarantined what was quarantined, with the reasons
 * @param message why the run failed, {@code null} when it did not
 */
public record IngestResult(boolean completed, Long executionId, long read, long passedOver, List<Ingested> stored,
        List<Entry> quarantined, String message) {

    public IngestResult {
        stored = List.copyOf(stored);
        quarantined = List.copyOf(quarantined);
    }
}
