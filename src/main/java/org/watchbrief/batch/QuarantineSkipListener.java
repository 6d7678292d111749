package org.watchbrief.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.intake.InboxSource;
import org.watchbrief.intake.SourceDocument;
import org.watchbrief.intake.UnreadableDocumentException;
import org.watchbrief.store.QuarantineRepository;

/**
 * Puts what intake skips into quarantine: a copy of the file in the quarantine folder and a row
 * with the reason, so nothing bad is silently dropped and {@code ingest --quarantine} can list it.
 * The original stays in the inbox and is passed over until its content changes.
 */
class QuarantineSkipListener implements SkipListener<SourceDocument, AnalysedDocument>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(QuarantineSkipListener.class);

    private final QuarantineRepository quarantine;

    private final InboxSource inbox;

    private final Path quarantineDir;

    private final Clock clock;

    private Long jobExecutionId;

    QuarantineSkipListener(QuarantineRepository quarantine, InboxSource inbox, Path quarantineDir, Clock clock) {
        this.quarantine = quarantine;
        this.inbox = inbox;
        this.quarantineDir = quarantineDir;
        this.clock = clock;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        jobExecutionId = stepExecution.getJobExecution().getId();
    }

    @Override
    public void onSkipInRead(Throwable t) {
        if (t instanceof UnreadableDocumentException unreadable) {
            record(unreadable.sourceKey(), null, unreadable.reason());
        }
        else {
            record("(unknown)", null, t.toString());
        }
    }

    @Override
    public void onSkipInProcess(SourceDocument item, Throwable t) {
        String reason = t instanceof UnreadableDocumentException unreadable ? unreadable.reason() : t.toString();
        record(item.sourceKey(), item.contentHash(), reason);
    }

    @Override
    public void onSkipInWrite(AnalysedDocument item, Throwable t) {
        record(item.sourceKey(), item.contentHash(), "could not be stored: " + t.getMessage());
    }

    private void record(String sourceKey, String contentHash, String reason) {
        String stored = copy(sourceKey);
        quarantine.add(sourceKey, contentHash, reason, stored, clock.instant(), jobExecutionId);
        log.warn("Quarantined {}: {}", sourceKey, reason);
    }

    /** Copies the inbox file into the quarantine folder; returns where, or null when it cannot. */
    private String copy(String sourceKey) {
        Path file = inbox.directory().resolve(sourceKey).normalize();
        if (!file.startsWith(inbox.directory()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            Files.createDirectories(quarantineDir);
            String name = clock.instant().toString().replaceAll("[^0-9T]", "") + "-"
                    + file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            Path target = quarantineDir.resolve(name);
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            return target.toString();
        }
        catch (IOException ex) {
            log.warn("Could not copy {} into quarantine: {}", sourceKey, ex.getMessage());
            return null;
        }
    }
}
