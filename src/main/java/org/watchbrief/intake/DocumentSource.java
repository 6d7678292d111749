package org.watchbrief.intake;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Where documents come from: the inbox folder, the Parliament Written Questions and Written
 * Statements APIs, GOV.UK. A source lists candidates page by page; intake fetches only the
 * candidates whose revision the store has not seen.
 */
public interface DocumentSource {

    /** A short, stable name ({@code inbox}, {@code parliament-questions}); a watermark is kept under it. */
    String name();

    /**
     * Starts listing what the source holds from the watermark on.
     *
     * @param watermark where the last complete harvest reached, {@code null} before the first
     * @param today the day of the run
     */
    Harvest harvest(String watermark, LocalDate today);

    /** One run's listing of a source. Not thread-safe. */
    interface Harvest extends AutoCloseable {

        /**
         * The next page of candidates, empty when the listing is done.
         *
         * @throws SourceUnavailableException when the source cannot be listed
         */
        List<Candidate> nextPage();

        /**
         * The watermark to record once every candidate listed has been stored or quarantined;
         * {@code null} when the source keeps none (the inbox is listed whole every run).
         */
        String watermark();

        /**
         * How many items this listing has passed over so far without offering them, known to be
         * stored already (the inbox's files unchanged since they were read).
         */
        default long passedOver() {
            return 0;
        }

        /**
         * Called when every candidate this listing offered has been stored or quarantined (the
         * step has completed), with the source keys of those quarantined: for what a source
         * records of a listing done (the inbox, its buckets). Nothing by default.
         */
        default void completed(Collection<String> quarantined) {
        }

        /** Lets go of what the listing holds (an open folder), when it is left before its end. */
        @Override
        default void close() {
        }
    }
}
