package org.watchbrief.support;

import java.time.Instant;
import java.util.function.Consumer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.watchbrief.store.OutboxRepository;

/**
 * Runs a test's code right after a recipient's SENT row is committed, in the sending thread:
 * the point between two recipients where a test stops or kills a run. Import it, set
 * {@link #afterSent}, and reset it with {@link #reset()} after the test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AfterSentHook {

    public static volatile Consumer<String> afterSent = recipient -> {
    };

    public static void reset() {
        afterSent = recipient -> {
        };
    }

    @Bean
    @Primary
    OutboxRepository hookedOutbox(JdbcTemplate jdbc) {
        return new OutboxRepository(jdbc) {
            @Override
            public void markSent(long digestId, String recipient, Instant sentAt, String location) {
                super.markSent(digestId, recipient, sentAt, location);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        afterSent.accept(recipient);
                    }
                });
            }
        };
    }
}
