package org.watchbrief.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.watchbrief.intake.Candidate;
import org.watchbrief.intake.DocumentGoneException;
import org.watchbrief.intake.DocumentSource;
import org.watchbrief.intake.DocumentSource.Harvest;
import org.watchbrief.intake.InboxSource;
import org.watchbrief.intake.SourceDocument;
import org.watchbrief.intake.SourceUnavailableException;
import org.watchbrief.intake.UnreadableDocumentException;
import org.watchbrief.store.DocumentRepository;
import org.watchbrief.store.QuarantineRepository;
import org.watchbrief.store.SourceRevision;
import org.watchbrief.store.WatermarkRepository;

/**
 * Reads what the store has not seen, source by source: the inbox (or the paths given to
 * {@code ingest}), then each enabled web source from its watermark on. Candidates are checked a
 * page at a time, with one query per page (the store's size does not matter): a candidate whose
 * revision is stored, or whose content is stored under another key, is passed over; so is a web
 * item quarantined at that revision. A source's watermark is recorded only when the step has
 * completed, that is when everything it listed has been stored or quarantined; a failed run
 * leaves it where it was, and the next run lists the same items again. A restart therefore needs
 * no saved state. Step-scoped: one instance per step execution.
 *
 * <p>Memory stays the same however much a source lists: sources are listed a page at a time, and
 * what this run has seen (to pass over the same content met twice in one run, before the first is
 * committed) is remembered for the last {@value #RECENT} candidates only, far more than can be
 * read and not yet committed. With {@link #analyseAhead}, documents are read a little ahead of
 * the step and handed to {@link AnalysisAhead} as they are read.
 */
class IntakeItemReader implements ItemStreamReader<SourceDocument>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(IntakeItemReader.class);

    /** Job parameter: files and folders to read instead of the inbox and web sources, one per line. */
    static final String PATHS = "paths";

    /** Step execution context: how many candidates were passed over as seen before. */
    static final String PASSED_OVER = "intake.passedOver";

    /** How many of this run's latest candidates are remembered, to pass over the same content met twice. */
    static final int RECENT = 20_000;

    /** The most bytes of documents read ahead of the step. */
    private static final long AHEAD_BYTES = 64L << 20;

    private final InboxSource inbox;

    private final List<DocumentSource> webSources;

    private final DocumentRepository documents;

    private final QuarantineRepository quarantine;

    private final WatermarkRepository watermarks;

    private final Clock clock;

    private final Deque<DocumentSource> sources = new ArrayDeque<>();

    private final Set<SourceRevision> seenThisRun = recent();

    private final Set<String> hashesThisRun = recent();

    /** Documents read ahead of the step, or the failure met reading one, in order. */
    private final Deque<Object> ahead = new ArrayDeque<>();

    private long aheadBytes;

    private AnalysisAhead analyses;

    private int lookahead;

    private final Map<String, String> harvested = new LinkedHashMap<>();

    /** The listings done, told when the step has completed. */
    private final List<Harvest> done = new ArrayList<>();

    private DocumentSource source;

    private Harvest harvest;

    private String watermark;

    private Iterator<Candidate> pending = List.<Candidate>of().iterator();

    private long passedOver;

    private boolean closed;

    IntakeItemReader(InboxSource inbox, List<DocumentSource> webSources, DocumentRepository documents,
            QuarantineRepository quarantine, WatermarkRepository watermarks, Clock clock) {
        this.inbox = inbox;
        this.webSources = List.copyOf(webSources);
        this.documents = documents;
        this.quarantine = quarantine;
        this.watermarks = watermarks;
        this.clock = clock;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        String paths = stepExecution.getJobParameters().getString(PATHS);
        sources.clear();
        if (paths != null && !paths.isBlank()) {
            sources.add(inbox.withPaths(Arrays.stream(paths.split("\n")).map(Path::of).toList()));
        }
        else {
            sources.add(inbox);
            sources.addAll(webSources);
        }
    }

    /**
     * Reads up to {@code documents} documents ahead of the step, handing each to {@code analyses}
     * as it is read, so that they are analysed while the step writes.
     */
    void analyseAhead(AnalysisAhead analyses, int documents) {
        this.analyses = analyses;
        this.lookahead = documents;
    }

    private static <T> Set<T> recent() {
        return Collections.newSetFromMap(new LinkedHashMap<T, Boolean>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<T, Boolean> eldest) {
                return size() > RECENT;
            }
        });
    }

    /** Reads the given source alone, outside a step (the planner of a dry run). */
    void readFrom(DocumentSource only) {
        sources.clear();
        sources.add(only);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        passedOver = executionContext.getLong(PASSED_OVER, 0L);
    }

    @Override
    public SourceDocument read() {
        if (analyses == null) {
            return next();
        }
        fill();
        Object first = ahead.poll();
        if (first instanceof RuntimeException failure) {
            throw failure;
        }
        SourceDocument document = (SourceDocument) first;
        if (document != null) {
            aheadBytes -= document.content().length;
        }
        return document;
    }

    /**
     * Reads ahead, up to the lookahead or its bytes. A failure is kept in its place, to be thrown
     * when the step reaches it: an unreadable document is then skipped as it would have been; any
     * other failure (a source down) ends the reading ahead, and fails the step when reached.
     */
    private void fill() {
        while (ahead.size() < lookahead && aheadBytes < AHEAD_BYTES && !stoppedAhead()) {
            try {
                SourceDocument document = next();
                if (document == null) {
                    return;
                }
                ahead.add(document);
                aheadBytes += document.content().length;
                analyses.submit(document);
            }
            catch (RuntimeException ex) {
                ahead.add(ex);
            }
        }
    }

    private boolean stoppedAhead() {
        return ahead.peekLast() instanceof RuntimeException last && !(last instanceof UnreadableDocumentException);
    }

    /** The next document to take in, {@code null} when every source is read. */
    private SourceDocument next() {
        while (true) {
            if (pending.hasNext()) {
                Candidate candidate = pending.next();
                try {
                    return candidate.fetch().fetch();
                }
                catch (DocumentGoneException gone) {
                    // renamed or removed since it was listed: nothing to quarantine; a new name is listed later
                    log.info("{}: gone since it was listed (renamed or removed); passed over", gone.sourceKey());
                    continue;
                }
                catch (SourceUnavailableException ex) {
                    throw unavailable(ex);
                }
            }
            if (harvest == null) {
                if (sources.isEmpty()) {
                    return null;
                }
                source = sources.poll();
                watermark = webSources.contains(source) ? watermarks.find(source.name()).orElse(null) : null;
                harvest = source.harvest(watermark, LocalDate.now(clock));
                log.info("Reading {}{}", source.name(), watermark == null ? "" : " from " + watermark);
            }
            List<Candidate> page;
            long passedBefore = harvest.passedOver();
            try {
                page = harvest.nextPage();
            }
            catch (SourceUnavailableException ex) {
                throw unavailable(ex);
            }
            passedOver += harvest.passedOver() - passedBefore;
            if (page.isEmpty()) {
                if (harvest.watermark() != null) {
                    harvested.put(source.name(), harvest.watermark());
                }
                done.add(harvest);
                harvest.close();
                harvest = null;
                continue;
            }
            pending = unseen(page).iterator();
        }
    }

    /** The candidates of a page that the store has not seen, in one query per table. */
    private List<Candidate> unseen(List<Candidate> page) {
        List<String> keys = page.stream().map(Candidate::sourceKey).distinct().toList();
        Set<SourceRevision> known = new HashSet<>(documents.knownRevisions(keys));
        if (page.stream().anyMatch(c -> c.origin() == null)) {
            // a web item that could not be read is not fetched again until it changes; a file that
            // could not be read was moved out of the inbox, and is read again if put back
            known.addAll(quarantine.knownRevisions(keys));
        }
        Set<String> storedHashes = documents.knownHashes(
                page.stream().map(Candidate::contentHash).filter(h -> h != null).distinct().toList());
        List<Candidate> unseen = new ArrayList<>();
        for (Candidate candidate : page) {
            SourceRevision revision = new SourceRevision(candidate.sourceKey(), candidate.revision());
            String hash = candidate.contentHash();
            if (known.contains(revision) || hash != null && storedHashes.contains(hash) || !seenThisRun.add(revision)
                    || hash != null && !hashesThisRun.add(hash)) {
                passedOver++;
                log.debug("Already seen: {}", candidate.sourceKey());
            }
            else {
                unseen.add(candidate);
            }
        }
        return unseen;
    }

    private SourceUnavailableException unavailable(SourceUnavailableException ex) {
        String mark = watermark == null ? "" : "; its watermark stays at " + watermark
                + ", so the next run fetches from there again";
        return new SourceUnavailableException(ex.getMessage() + mark, ex);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        executionContext.putLong(PASSED_OVER, passedOver);
    }

    @Override
    public void close() {
        if (harvest != null) {
            harvest.close();
        }
        if (!closed) {
            closed = true;
            log.info("Intake: {} document(s) already seen, passed over", passedOver);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
            harvested.forEach((name, mark) -> {
                watermarks.save(name, mark, clock.instant());
                log.info("Watermark of {} moved to {}", name, mark);
            });
            List<String> quarantined = quarantine.byExecution(stepExecution.getJobExecutionId()).stream()
                .map(QuarantineRepository.Entry::sourceKey)
                .toList();
            done.forEach(listing -> listing.completed(quarantined));
        }
        stepExecution.getExecutionContext().putLong(PASSED_OVER, passedOver);
        return null;
    }
}
