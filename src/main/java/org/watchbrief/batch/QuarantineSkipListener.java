package org.watchbrief.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.intake.SourceDocument;
import org.watchbrief.intake.UnreadableDocumentException;
import org.watchbrief.store.QuarantineRepository;

/**
 * Puts what intake skips into quarantine: the file (or the payload a web source gave) is linked
 * or copied into the quarantine folder and a row records the reason, in the chunk's transaction, so that
 * {@code ingest --quarantine} lists it. A file from the inbox is then removed from the inbox, but
 * only once the transaction has committed: if the chunk rolls back, the row goes, the copy is
 * deleted and the file is still in the inbox for the next run. Nothing bad is silently dropped and
 * nothing is lost. A file given to {@code ingest} from outside the inbox is copied, never removed.
 */
class QuarantineSkipListener implements SkipListener<SourceDocument, AnalysedDocument>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(QuarantineSkipListener.class);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss")
        .withZone(ZoneOffset.UTC);

    private final QuarantineRepository quarantine;

    private final Path inbox;

    private final Path quarantineDir;

    private final Clock clock;

    private Long jobExecutionId;

    QuarantineSkipListener(QuarantineRepository quarantine, Path inbox, Path quarantineDir, Clock clock) {
        this.quarantine = quarantine;
        this.inbox = inbox.toAbsolutePath().normalize();
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
            record(unreadable.sourceKey(), unreadable.contentHash(), unreadable.revision(), unreadable.origin(), null,
                    unreadable.reason());
        }
        else {
            record("(unknown)", null, null, null, null, t.toString());
        }
    }

    @Override
    public void onSkipInProcess(SourceDocument item, Throwable t) {
        String reason = t instanceof UnreadableDocumentException unreadable ? unreadable.reason() : t.toString();
        record(item.sourceKey(), item.contentHash(), item.revision(), item.origin(),
                item.origin() == null ? item.content() : null, reason);
    }

    @Override
    public void onSkipInWrite(AnalysedDocument item, Throwable t) {
        record(item.sourceKey(), item.contentHash(), item.revision(), null, null,
                "could not be stored: " + t.getMessage());
    }

    private void record(String sourceKey, String contentHash, String revision, Path origin, byte[] payload,
            String reason) {
        Path kept = keep(sourceKey, origin, payload);
        quarantine.add(sourceKey, contentHash, reason, kept == null ? null : kept.toString(), clock.instant(),
                jobExecutionId, revision);
        log.warn("Quarantined {}: {}", sourceKey, reason);
        if (kept != null && origin != null && origin.toAbsolutePath().normalize().startsWith(inbox)) {
            afterCommit(() -> delete(origin), () -> delete(kept));
        }
        else if (kept != null) {
            afterCommit(() -> {
            }, () -> delete(kept));
        }
    }

    /** Copies the file, or writes the payload, into the quarantine folder; returns where, or null when there is nothing to keep. */
    private Path keep(String sourceKey, Path origin, byte[] payload) {
        try {
            if (origin != null && Files.exists(origin, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(origin, LinkOption.NOFOLLOW_LINKS)) {
                Path target = target(origin.getFileName().toString());
                try {
                    // a second name for the same file (a symbolic link itself, not what it points to):
                    // instant, whatever its size
                    Files.createLink(target, origin);
                }
                catch (IOException | UnsupportedOperationException notOnThisFileSystem) {
                    Files.copy(origin, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                return target;
            }
            if (payload != null) {
                Path target = target(sourceKey.replace('/', '_'));
                Files.write(target, payload, StandardOpenOption.CREATE_NEW);
                return target;
            }
        }
        catch (IOException ex) {
            log.error("Could not keep {} in quarantine ({}); it stays where it was", sourceKey, ex.toString());
        }
        return null;
    }

    private Path target(String name) throws IOException {
        Files.createDirectories(quarantineDir);
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String stamp = STAMP.format(clock.instant());
        Path target = quarantineDir.resolve(stamp + "-" + safe);
        for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = quarantineDir.resolve(stamp + "-" + n + "-" + safe);
        }
        return target;
    }

    /** Runs one action when the chunk commits and the other when it rolls back; at once without a transaction. */
    private static void afterCommit(Runnable committed, Runnable rolledBack) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    committed.run();
                }
                else {
                    rolledBack.run();
                }
            }
        });
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            log.error("Could not remove {}: {}", file, ex.toString());
        }
    }
}
