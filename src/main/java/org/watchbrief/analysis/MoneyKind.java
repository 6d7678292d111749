package org.watchbrief.analysis;

import java.util.Locale;

/** What a sum of money is. Only {@link #FUNDING} counts towards funding totals. */
public enum MoneyKind {
    /** Money committed, granted, invested or made available. */
    FUNDING,
    /** A penalty, or the cap on one. */
    FINE,
    /** A cost, loss or spend measured, not committed. */
    COST,
    /** Anything else: prices, turnover, statistics. */
    OTHER;

    /** The lower-case name used in JSON and the database ({@code funding}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MoneyKind fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
