package org.watchbrief.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Keys that let the same funding decision, reported by several documents, be counted once.
 * Two mentions share a key when they name the same currency and the same amount to three
 * significant figures ("£21.5m" and "£21,500,000").
 */
public final class AnnouncementKeys {

    private AnnouncementKeys() {
    }

    public static String key(String currency, BigDecimal amount) {
        BigDecimal rounded = amount.round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros();
        return currency + " " + rounded.toPlainString();
    }
}
