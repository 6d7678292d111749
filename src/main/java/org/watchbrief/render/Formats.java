package org.watchbrief.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How digests write amounts and dates: "£21.5m", "£250,000", "6 November 2026". */
public final class Formats {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private Formats() {
    }

    /** Pounds as a briefing writes them: "£1.2bn", "£21.5m", "£250,000", "£0". */
    public static String pounds(BigDecimal amount) {
        if (amount.compareTo(BILLION) >= 0) {
            return "£" + compact(amount.divide(BILLION)) + "bn";
        }
        if (amount.compareTo(MILLION) >= 0) {
            return "£" + compact(amount.divide(MILLION)) + "m";
        }
        return "£" + new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK)).format(amount);
    }

    private static String compact(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** Empty for null, so table cells never say "null". */
    public static String text(String value) {
        return value == null ? "" : value;
    }
}
