package org.watchbrief.analysis;

import java.util.Locale;

/** How precisely a date is known. */
public enum DatePrecision {
    DAY, MONTH, SEASON, QUARTER, YEAR;

    /** The lower-case name used in JSON and the database ({@code day}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DatePrecision fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
