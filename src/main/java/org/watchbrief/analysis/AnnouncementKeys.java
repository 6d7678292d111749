package org.watchbrief.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Keys that let the same funding decision, reported by several documents, be counted once, each
 * computed from one document alone. A key is made of what a second report of the decision
 * shares with the first:
 * <ul>
 * <li>the currency;</li>
 * <li>the amount cut to two significant figures, rounding down: "£21.5m", "£21,500,000" and
 * "£21 million" all give 21m, since reports shorten a sum by dropping its tail;</li>
 * <li>the year it was announced: the latest date the sentence gives that is not after the
 * document's own date ("In September 2018 the Home Secretary announced…"), else the document's
 * year. Two different decisions rarely share both a rounded amount and a year.</li>
 * </ul>
 * The purpose's words are left out on purpose: two reports of one decision describe it in
 * different words far more often than they use different amounts.
 */
public final class AnnouncementKeys {

    private static final MathContext TWO_FIGURES = new MathContext(2, RoundingMode.DOWN);

    private static final String[] UNITS = { "tn", "bn", "m", "k" };

    private static final int[] UNIT_DIGITS = { 12, 9, 6, 3 };

    private static final BigDecimal[] UNIT_SIZES = { BigDecimal.TEN.pow(12), BigDecimal.TEN.pow(9),
            BigDecimal.TEN.pow(6), BigDecimal.TEN.pow(3) };

    private static final Map<String, String> SYMBOLS = Map.of("GBP", "£", "USD", "$", "EUR", "€");

    private AnnouncementKeys() {
    }

    /** The key of a sum announced in a year, such as {@code "2018 £21m"}. */
    public static String key(String currency, BigDecimal amount, int year) {
        return year + " " + SYMBOLS.getOrDefault(currency, currency + " ") + coarse(amount);
    }

    /** The amount cut to two significant figures, written short: 21m, 7.5m, 250k, 1.2bn. */
    static String coarse(BigDecimal amount) {
        BigDecimal rounded = amount.round(TWO_FIGURES);
        for (int u = 0; u < UNITS.length; u++) {
            if (rounded.compareTo(UNIT_SIZES[u]) >= 0) {
                return rounded.movePointLeft(UNIT_DIGITS[u]).stripTrailingZeros().toPlainString() + UNITS[u];
            }
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
