package org.watchbrief.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code watchbrief.delivery.*}: how emails are addressed.
 *
 * @param from the From address of every email
 * @param replyTo the Reply-To address, {@code null} for none
 */
@ConfigurationProperties("watchbrief.delivery")
public record DeliveryProperties(@DefaultValue("Watchbrief <briefings@watchbrief.invalid>") String from,
        String replyTo) {
}
