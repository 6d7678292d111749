package org.watchbrief.batch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.intake.DocumentReader;
import org.watchbrief.intake.SourceDocument;

/**
 * Reads and analyses the intake step's documents ahead of it, on a pool of threads: the reader
 * hands each document here as it reads it, a little ahead of the chunk being written, and the
 * processor takes the result, in order, on the step's own thread. So while that thread writes one
 * chunk to the store, the next chunk is being analysed on the other cores. The step itself stays
 * sequential: what is read, skipped, written and committed, and in which chunk, is as without it,
 * and a failure reaches the processor as the document's own exception (an unreadable document is
 * skipped into quarantine as before). Step-scoped: its threads end with the step.
 */
class AnalysisAhead implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final DocumentReader reader;

    private final Clock clock;

    private final ExecutorService pool;

    /** Submitted and not yet taken; touched by the step's thread only. */
    private final Map<SourceDocument, Future<AnalysedDocument>> pending = new IdentityHashMap<>();

    /** @param threads how many documents are analysed at once */
    AnalysisAhead(DocumentReader reader, Clock clock, int threads) {
        this.reader = reader;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "watchbrief-analysis-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts analysing a document just read. */
    void submit(SourceDocument document) {
        LocalDate today = LocalDate.now(clock);
        pending.put(document, pool.submit(() -> reader.read(document, today)));
    }

    /**
     * The analysis of a document, waiting for it if it is under way; one never submitted is
     * analysed here and now.
     *
     * @throws org.watchbrief.intake.UnreadableDocumentException when the document cannot be read
     */
    AnalysedDocument take(SourceDocument document) {
        Future<AnalysedDocument> analysis = pending.remove(document);
        if (analysis == null) {
            return reader.read(document, LocalDate.now(clock));
        }
        try {
            return analysis.get();
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (ex.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("analysing " + document.sourceKey() + " failed", ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing " + document.sourceKey(), ex);
        }
    }

    /** Stops the analyses under way; what they would have given is read again by the next run. */
    @Override
    public void close() {
        pool.shutdownNow();
        pending.clear();
    }
}
