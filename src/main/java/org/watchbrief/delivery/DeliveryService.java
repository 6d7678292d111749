package org.watchbrief.delivery;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.DigestJson;
import org.watchbrief.store.DigestRecord;
import org.watchbrief.store.OutboxEntry;
import org.watchbrief.store.OutboxRepository;

/**
 * Delivers digests through the outbox. Each recipient gets a row first; then each row not yet
 * SENT is tried (the try recorded before the send), sent with retries and backoff, and marked
 * SENT or FAILED, every change committed on its own. A crash or restart therefore never sends a
 * SENT row again and never forgets a PENDING one; the only possible repeat is a send whose
 * acknowledgement was lost, and it carries the same Message-ID.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final OutboxRepository outbox;

    private final Messages messages;

    private final EmailChannel channel;

    private final Clock clock;

    private final RetryTemplate retry;

    private final int maxRetries;

    /** Each outbox change commits on its own, whatever the caller's transaction does. */
    private final TransactionTemplate ownTransaction;

    public DeliveryService(OutboxRepository outbox, DeliveryProperties properties, Clock clock,
            PlatformTransactionManager transactionManager, ObjectProvider<JavaMailSenderImpl> mailSender) {
        this.outbox = outbox;
        this.messages = new Messages(properties);
        JavaMailSenderImpl sender = mailSender.getIfAvailable();
        this.channel = sender != null ? new SmtpChannel(sender, properties.smtp()) : new EmlFileChannel();
        this.clock = clock;
        DeliveryProperties.Retry retry = properties.retry();
        this.maxRetries = retry.maxRetries();
        this.retry = new RetryTemplate(RetryPolicy.builder()
            .maxRetries(retry.maxRetries())
            .delay(retry.delay())
            .multiplier(retry.multiplier())
            .maxDelay(retry.maxDelay())
            .predicate(SmtpFailures::isTransient)
            .build());
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * What one try at one recipient came to.
     *
     * @param recipient the address
     * @param sent whether it went
     * @param location where it went (the SMTP server, or the .eml file), {@code null} unless sent
     * @param failure why not, {@code null} when sent
     * @param recipientRejected the server refused this address for good, so the others may still go;
     *        otherwise a failure means nothing else will get through now either
     */
    public record Attempt(String recipient, boolean sent, String location, String failure,
            boolean recipientRejected) {
    }

    /**
     * @param resumed the digest had unsent rows, so they were delivered and no new copies made
     * @param attempts one per recipient tried
     * @param untried recipients left unsent because a failure stopped the resend; their rows are kept
     */
    public record Resent(boolean resumed, List<Attempt> attempts, List<String> untried) {
    }

    /** Where emails go: "SMTP host:port (starttls)" or ".eml files ...". Never a password. */
    public String channel() {
        return channel.describe();
    }

    /**
     * The email of a stored digest.
     *
     * @param scope what the schedule's filters keep, {@code null} for none
     * @param directory where .eml files go when there is no SMTP server
     */
    public Letter letter(DigestRecord record, String subject, String scope, Path directory) {
        Digest digest = DigestJson.read(record.model());
        List<Path> attachments = new ArrayList<>();
        if (record.docxPath() != null) {
            attachments.add(Path.of(record.docxPath()));
        }
        if (record.pdfPath() != null) {
            attachments.add(Path.of(record.pdfPath()));
        }
        return new Letter(record.id(), subject, EmailBody.text(digest, scope), EmailBody.html(digest, subject, scope),
                attachments, directory);
    }

    /** Gives each recipient an outbox row for the digest, keeping the state of rows that exist. */
    public void enqueue(long digestId, List<String> recipients) {
        ownTransaction.executeWithoutResult(status -> recipients
            .forEach(recipient -> outbox.enqueue(digestId, recipient, BriefingEmail.messageId(digestId, recipient))));
    }

    /**
     * Sends the first row of the digest that is not SENT, passing over the given recipients (those
     * already tried in this run); empty when none is left.
     */
    public Optional<Attempt> deliverNext(Letter letter, Set<String> passOver) {
        return outbox.pending(letter.digestId()).stream()
            .filter(entry -> !passOver.contains(entry.recipient()))
            .findFirst()
            .map(entry -> send(letter, entry));
    }

    /**
     * An operator's resend. When the digest has rows not yet SENT among these recipients (a
     * delivery or resend that stopped half way), those are delivered and nothing else: running
     * the same resend after a crash finishes it rather than sending twice. Otherwise each
     * recipient gets a new copy, with a Message-ID of its own; an address the digest never went
     * to gets its first.
     */
    public Resent resend(Letter letter, List<String> recipients) {
        long digestId = letter.digestId();
        Map<String, OutboxEntry> rows = new HashMap<>();
        outbox.forDigest(digestId).forEach(row -> rows.put(key(row.recipient()), row));
        List<String> targets = recipients.stream()
            .map(r -> rows.containsKey(key(r)) ? rows.get(key(r)).recipient() : r)
            .distinct()
            .toList();
        boolean resumed = targets.stream()
            .anyMatch(r -> rows.containsKey(key(r)) && rows.get(key(r)).status() != OutboxEntry.Status.SENT);
        if (!resumed) {
            ownTransaction.executeWithoutResult(status -> {
                for (String recipient : targets) {
                    OutboxEntry row = rows.get(key(recipient));
                    if (row == null) {
                        outbox.enqueue(digestId, recipient, BriefingEmail.messageId(digestId, recipient));
                    }
                    else {
                        int resend = row.resends() + 1;
                        outbox.reopen(digestId, recipient, resend, BriefingEmail.messageId(digestId, recipient, resend));
                    }
                }
            });
        }
        List<Attempt> attempts = new ArrayList<>();
        List<String> untried = new ArrayList<>();
        for (OutboxEntry entry : outbox.pending(digestId)) {
            if (!targets.contains(entry.recipient())) {
                continue;
            }
            if (attempts.stream().anyMatch(a -> !a.sent() && !a.recipientRejected())) {
                untried.add(entry.recipient());
                continue;
            }
            attempts.add(send(letter, entry));
        }
        return new Resent(resumed, attempts, untried);
    }

    private Attempt send(Letter letter, OutboxEntry entry) {
        long digestId = letter.digestId();
        String recipient = entry.recipient();
        if (entry.mayHaveBeenSent()) {
            log.warn("The email to {} was being sent when an earlier run stopped; the server may have it already. "
                    + "Sending it again with the same Message-ID {}, so that a receiving system can drop a repeat",
                    recipient, entry.messageId());
        }
        BriefingEmail email = new BriefingEmail(letter, recipient, entry.resends());
        int[] tries = { 0 };
        String location;
        try {
            MimeMessage message = messages.build(channel.session(), email);
            location = retry.execute(() -> {
                tries[0]++;
                inOwnTransaction(() -> outbox.markAttempt(digestId, recipient, clock.instant()));
                try {
                    return channel.deliver(message, email);
                }
                catch (RuntimeException ex) {
                    if (tries[0] <= maxRetries && SmtpFailures.isTransient(ex)) {
                        log.warn("Sending digest {} to {} failed (try {} of {}): {}; trying again shortly", digestId,
                                recipient, tries[0], maxRetries + 1, SmtpFailures.describe(ex));
                    }
                    throw ex;
                }
            });
        }
        catch (RetryException ex) {
            if (ex.getLastException() instanceof Error error) {
                // the JVM's trouble, not the server's: nothing is recorded, as in a crash
                throw error;
            }
            return failed(digestId, recipient, ex.getLastException(), tries[0]);
        }
        catch (RuntimeException ex) {
            return failed(digestId, recipient, ex, tries[0]);
        }
        // outside the try: once the server has it, only SENT may be recorded (or nothing, if this fails)
        inOwnTransaction(() -> outbox.markSent(digestId, recipient, clock.instant(), location));
        log.info("Sent digest {} to {}: {}", digestId, recipient, location);
        return new Attempt(recipient, true, location, null, false);
    }

    private Attempt failed(long digestId, String recipient, Throwable cause, int tries) {
        String reason = SmtpFailures.describe(cause);
        inOwnTransaction(() -> outbox.markFailed(digestId, recipient, reason));
        log.error("Could not send digest {} to {} ({} tr{}): {}", digestId, recipient, tries, tries == 1 ? "y" : "ies",
                reason);
        return new Attempt(recipient, false, null, reason, SmtpFailures.isRecipientRejected(cause));
    }

    private void inOwnTransaction(Runnable change) {
        ownTransaction.executeWithoutResult(status -> change.run());
    }

    private static String key(String recipient) {
        return recipient.strip().toLowerCase(Locale.ROOT);
    }
}
