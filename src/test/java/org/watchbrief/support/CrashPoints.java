package org.watchbrief.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.watchbrief.analysis.Analyzer;
import org.watchbrief.analysis.Taxonomy;
import org.watchbrief.batch.WatchbriefProperties;
import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.intake.DocumentReader;
import org.watchbrief.intake.SourceDocument;
import org.watchbrief.intake.TextExtractor;
import org.watchbrief.store.DigestRepository;
import org.watchbrief.store.OutboxRepository;

/**
 * A fault-injection seam for tests only: the beans at each point where a run can die are
 * replaced by ones that crash there when a test arms that point. A crash is a {@link Crash}, an
 * Error that no code of Watchbrief catches, so nothing of the product's own failure handling runs
 * after it, as after a kill; the run is left failed (a killed process leaves it STARTED, which the
 * next run recovers first: {@code CommandLineIT} proves that part). Import it, {@link #arm} a
 * point, and {@link #disarm()} after the test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CrashPoints {

    /** Where a run can die. */
    public enum Point {
        /** In intake, while a document is analysed (after some chunks have committed). */
        PROCESSING,
        /** In compose, after the digest row is written, before the step commits. */
        COMPOSED,
        /** In render, after both files are written, before the step commits. */
        RENDERED,
        /** In deliver, once every recipient's outbox row is committed, before any send. */
        ENQUEUED,
        /** In deliver, once a send's attempt is committed, before the SMTP exchange. */
        ATTEMPT_RECORDED,
        /** In deliver, once the SMTP server has accepted an email, before SENT is recorded. */
        ACCEPTED,
        /** In deliver, once a recipient's SENT is committed. */
        SENT
    }

    /** An abrupt end: an Error, so that no product code handles it. */
    public static final class Crash extends Error {

        Crash(Point point) {
            super("simulated crash at " + point);
        }
    }

    private static volatile Point armed;

    /** How many more times the armed point is passed before it crashes. */
    private static final AtomicInteger countdown = new AtomicInteger();

    /** Crashes at the point the {@code after + 1}th time it is reached, once. */
    public static void arm(Point point, int after) {
        countdown.set(after);
        armed = point;
    }

    public static void disarm() {
        armed = null;
    }

    private static void reached(Point point) {
        if (armed == point && countdown.getAndDecrement() == 0) {
            armed = null;
            throw new Crash(point);
        }
    }

    private static void reachedAfterCommit(Point point) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reached(point);
            }
        });
    }

    @Bean
    @Primary
    DocumentReader crashingDocumentReader(Taxonomy taxonomy, WatchbriefProperties properties) {
        return new DocumentReader(new TextExtractor(properties.intake().limits()), new Analyzer(taxonomy)) {
            @Override
            public AnalysedDocument read(SourceDocument document, LocalDate today) {
                reached(Point.PROCESSING);
                return super.read(document, today);
            }
        };
    }

    @Bean
    @Primary
    DigestRepository crashingDigests(JdbcTemplate jdbc) {
        return new DigestRepository(jdbc) {
            @Override
            public long save(String scheduleName, LocalDate windowStart, LocalDate windowEnd, Instant createdAt,
                    String model, Long jobExecutionId) {
                long id = super.save(scheduleName, windowStart, windowEnd, createdAt, model, jobExecutionId);
                reached(Point.COMPOSED);
                return id;
            }

            @Override
            public void recordFiles(long id, String docxPath, String pdfPath) {
                super.recordFiles(id, docxPath, pdfPath);
                reached(Point.RENDERED);
            }
        };
    }

    @Bean
    @Primary
    OutboxRepository crashingOutbox(JdbcTemplate jdbc) {
        return new OutboxRepository(jdbc) {
            @Override
            public boolean enqueue(long digestId, String recipient, String messageId) {
                boolean added = super.enqueue(digestId, recipient, messageId);
                if (added) {
                    reachedAfterCommit(Point.ENQUEUED);
                }
                return added;
            }

            @Override
            public void markAttempt(long digestId, String recipient, Instant at) {
                super.markAttempt(digestId, recipient, at);
                reachedAfterCommit(Point.ATTEMPT_RECORDED);
            }

            @Override
            public void markSent(long digestId, String recipient, Instant sentAt, String location) {
                reached(Point.ACCEPTED);
                super.markSent(digestId, recipient, sentAt, location);
                reachedAfterCommit(Point.SENT);
            }
        };
    }
}
