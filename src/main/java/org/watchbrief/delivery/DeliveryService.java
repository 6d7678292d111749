package org.watchbrief.delivery;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.watchbrief.store.OutboxEntry;
import org.watchbrief.store.OutboxRepository;

/**
 * Delivers a digest to its recipients through the outbox: each recipient gets a row first, then
 * each row not yet SENT is written out and marked, so a restart resumes with the ones left.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final OutboxRepository outbox;

    private final EmlWriter emlWriter;

    private final Clock clock;

    /** Each outbox change commits on its own, whatever the caller's transaction does. */
    private final TransactionTemplate ownTransaction;

    public DeliveryService(OutboxRepository outbox, DeliveryProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.outbox = outbox;
        this.emlWriter = new EmlWriter(properties);
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What a delivery did. */
    public record Delivered(List<String> sent, List<Path> files) {
    }

    /**
     * @param directory where the digest files are; .eml files are written there
     */
    public Delivered deliver(long digestId, List<String> recipients, String subject, String text,
            List<Path> attachments, Path directory) {
        ownTransaction.executeWithoutResult(status -> recipients
            .forEach(recipient -> outbox.enqueue(digestId, recipient, BriefingEmail.messageId(digestId, recipient))));
        List<String> sent = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (OutboxEntry entry : outbox.pending(digestId)) {
            BriefingEmail email = new BriefingEmail(digestId, entry.recipient(), subject, text, attachments);
            Path file = emlWriter.write(email, directory);
            ownTransaction.executeWithoutResult(
                    status -> outbox.markSent(digestId, entry.recipient(), clock.instant(), file.toString()));
            log.info("Wrote the email to {} as {}", entry.recipient(), file);
            sent.add(entry.recipient());
            files.add(file);
        }
        return new Delivered(sent, files);
    }
}
