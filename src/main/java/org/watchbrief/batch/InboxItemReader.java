package org.watchbrief.batch;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.watchbrief.intake.InboxSource;
import org.watchbrief.intake.SourceDocument;
import org.watchbrief.store.DocumentRepository;
import org.watchbrief.store.QuarantineRepository;

/**
 * Reads the inbox's files that the store has not seen: a file whose content is already stored,
 * or was quarantined, is passed over. A restart lists the inbox again and passes over what the
 * failed run stored, so no state needs saving. Step-scoped: one instance per step execution.
 */
class InboxItemReader implements ItemStreamReader<SourceDocument> {

    private static final Logger log = LoggerFactory.getLogger(InboxItemReader.class);

    private final InboxSource inbox;

    private final DocumentRepository documents;

    private final QuarantineRepository quarantine;

    private final Set<String> seenThisRun = new HashSet<>();

    private Iterator<Path> files;

    private int passedOver;

    InboxItemReader(InboxSource inbox, DocumentRepository documents, QuarantineRepository quarantine) {
        this.inbox = inbox;
        this.documents = documents;
        this.quarantine = quarantine;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        List<Path> listed = inbox.list();
        log.info("Inbox {}: {} file(s) to check", inbox.directory(), listed.size());
        files = listed.iterator();
    }

    @Override
    public SourceDocument read() {
        while (files.hasNext()) {
            SourceDocument document = inbox.read(files.next());
            String hash = document.contentHash();
            if (!seenThisRun.add(hash) || !documents.knownHashes(List.of(hash)).isEmpty()
                    || quarantine.isQuarantined(hash)) {
                passedOver++;
                log.debug("Already seen: {}", document.sourceKey());
                continue;
            }
            return document;
        }
        return null;
    }

    @Override
    public void close() {
        if (files != null) {
            log.info("Inbox: {} file(s) already seen, passed over", passedOver);
            files = null;
        }
    }
}
