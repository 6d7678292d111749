package org.watchbrief.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code watchbrief.intake.http.*}: how the web sources talk to their servers.
 *
 * @param connectTimeout the longest wait for a connection
 * @param timeout the longest one request may take, answer included: a silent server cannot hang a run
 * @param maxAttempts attempts per request before the source is given up for this run (1 = no retry)
 * @param initialBackoff the wait before the first retry; each retry waits twice as long as the one before
 * @param maxBackoff the longest wait between two attempts
 * @param maxRetryAfter the longest wait a server may ask for (Retry-After on 429 and 503); a longer
 *     one gives the source up for this run
 * @param maxResponseSize the largest answer read
 * @param userAgent what Watchbrief calls itself
 */
public record HttpSettings(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration timeout,
        @DefaultValue("4") int maxAttempts, @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("60s") Duration maxBackoff, @DefaultValue("5m") Duration maxRetryAfter,
        @DefaultValue("20MB") DataSize maxResponseSize,
        @DefaultValue("Watchbrief/0.1 (online child-safety policy briefings)") String userAgent) {

    public HttpSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("watchbrief.intake.http.max-attempts must be at least 1: " + maxAttempts);
        }
    }
}
