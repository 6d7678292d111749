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
 * @param stored the versions stored, new documents and new versions of known ones, in the order
 *     stored: the first {@value #LISTED} of them, so that a backfill's result stays small
 * @param storedCount how many versions were stored in all
 * @param newVersions how many of them were new versions of documents stored before
 * @param quarantined what was quarantined, with the reasons
 * @param message why the run failed, {@code null} when it did not
 */
public record IngestResult(boolean completed, Long executionId, long read, long passedOver, List<Ingested> stored,
        long storedCount, long newVersions, List<Entry> quarantined, String message) {

    /** The most stored versions listed. */
    public static final int LISTED = 1000;

    public IngestResult {
        stored = List.copyOf(stored);
        quarantined = List.copyOf(quarantined);
    }

    /** A result whose stored versions are all listed. */
    public IngestResult(boolean completed, Long executionId, long read, long passedOver, List<Ingested> stored,
            List<Entry> quarantined, String message) {
        this(completed, executionId, read, passedOver, stored, stored.size(),
                stored.stream().filter(i -> i.version() > 1).count(), quarantined, message);
    }
}
