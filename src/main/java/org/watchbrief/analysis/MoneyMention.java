package org.watchbrief.analysis;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A sum of money named in a document.
 *
 * @param text the words as they appear ({@code "£21.5m"}, {@code "up to £300,000"})
 * @param amount the exact amount in units of {@code currency} (a range: its upper end)
 * @param currency the ISO 4217 code: {@code GBP}, {@code USD} or {@code EUR}
 * @param kind what the sum is
 * @param purpose what the sum is for, taken from its clause; {@code null} when the text does not say
 * @param announcement for funding, the key under which the same decision reported by several
 *     documents is counted once; {@code null} for other kinds
 */
public record MoneyMention(String text, BigDecimal amount, String currency, MoneyKind kind, String purpose,
        String announcement) {

    public MoneyMention {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(kind, "kind");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
    }

    /** The amount in pounds, or {@code null} when the sum is in another currency. */
    public BigDecimal amountGbp() {
        return "GBP".equals(currency) ? amount : null;
    }
}
