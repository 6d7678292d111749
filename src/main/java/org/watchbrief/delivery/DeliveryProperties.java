package org.watchbrief.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code watchbrief.delivery.*}: how emails are addressed, how the SMTP connection is secured
 * and bounded, and how a failed send is retried. The server itself (host, port, username,
 * password) is Spring Boot's {@code spring.mail.*}; with no {@code spring.mail.host}, emails are
 * written as .eml files beside the digest instead.
 *
 * @param from the From address of every email
 * @param replyTo the Reply-To address, {@code null} for none
 * @param smtp how the SMTP connection is made
 * @param retry how a failed send is retried
 */
@ConfigurationProperties("watchbrief.delivery")
public record DeliveryProperties(@DefaultValue("Watchbrief <briefings@watchbrief.invalid>") String from,
        String replyTo, @DefaultValue Smtp smtp, @DefaultValue Retry retry) {

    public DeliveryProperties {
        check("watchbrief.delivery.from", from);
        if (replyTo != null && !replyTo.isBlank()) {
            check("watchbrief.delivery.reply-to", replyTo);
        }
        else {
            replyTo = null;
        }
    }

    private static void check(String property, String address) {
        try {
            EmailAddresses.parse(address);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(property + ": " + ex.getMessage());
        }
    }

    /**
     * @param tls {@code starttls} (the default: upgrade the connection, and refuse a server that
     *        cannot), {@code ssl} (TLS from the first byte, usually port 465) or {@code none}
     *        (plain text: only for a relay on the same machine)
     * @param connectTimeout how long to wait for the server to answer a connection
     * @param timeout how long to wait on any one read or write (Jakarta Mail's own default is forever)
     */
    public record Smtp(@DefaultValue("starttls") Tls tls, @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("60s") Duration timeout) {
    }

    public enum Tls {
        STARTTLS, SSL, NONE
    }

    /**
     * A send that fails for a reason that may pass (the server unreachable, a timeout, a 4xx
     * reply) is tried again after {@code delay}, then {@code delay × multiplier}, and so on up to
     * {@code maxDelay} between tries. A 5xx reply or a refused login is not retried.
     *
     * @param maxRetries how many times a send is tried again after the first failure
     */
    public record Retry(@DefaultValue("4") int maxRetries, @DefaultValue("2s") Duration delay,
            @DefaultValue("3") double multiplier, @DefaultValue("1m") Duration maxDelay) {
    }
}
