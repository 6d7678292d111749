package org.watchbrief.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.watchbrief.analysis.DatePrecision;

/** How digests write amounts and dates: "£21.5m", "£250,000", "6 November 2026", "March 2020". */
public final class Formats {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK);

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK);

    private static final DateTimeFormatter MADE = DateTimeFormatter.ofPattern("d MMMM uuuu 'at' HH:mm z", Locale.UK);

    private Formats() {
    }

    /** Pounds as a briefing writes them: "£1.2bn", "£21.5m", "£250,000", "£0". */
    public static String pounds(BigDecimal amount) {
        if (amount.abs().compareTo(BILLION) >= 0) {
            return sign(amount) + "£" + compact(amount.abs().divide(BILLION)) + "bn";
        }
        if (amount.abs().compareTo(MILLION) >= 0) {
            return sign(amount) + "£" + compact(amount.abs().divide(MILLION)) + "m";
        }
        return sign(amount) + "£"
                + new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK)).format(amount.abs());
    }

    private static String sign(BigDecimal amount) {
        return amount.signum() < 0 ? "−" : "";
    }

    /** A sum in any currency: pounds as {@link #pounds}, others as their ISO code and amount. */
    public static String money(BigDecimal amount, String currency) {
        return "GBP".equals(currency) ? pounds(amount)
                : currency + " " + new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK))
                    .format(amount);
    }

    private static String compact(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** "6 November 2026"; empty for null. */
    public static String date(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** "6 Nov 2026", for narrow table columns; empty for null. */
    public static String shortDate(LocalDate date) {
        return date == null ? "" : SHORT_DAY.format(date);
    }

    /** "21 November 2026 at 07:00 GMT". */
    public static String madeAt(Instant instant, ZoneId zone) {
        return MADE.format(instant.atZone(zone));
    }

    /**
     * A date at the precision it is known: "3 September 2018", "March 2020", "Winter 2018–19",
     * "Spring 2027", "January–March 2019", "2018".
     */
    public static String when(LocalDate date, DatePrecision precision) {
        return switch (precision) {
            case DAY -> DAY.format(date);
            case MONTH -> MONTH.format(date);
            case SEASON -> season(date);
            case QUARTER -> month(date.getMonthValue()) + "–" + month(date.getMonthValue() + 2) + " " + date.getYear();
            case YEAR -> Integer.toString(date.getYear());
        };
    }

    private static String season(LocalDate date) {
        return switch (date.getMonth()) {
            case MARCH, APRIL, MAY -> "Spring " + date.getYear();
            case JUNE, JULY, AUGUST -> "Summer " + date.getYear();
            case SEPTEMBER, OCTOBER, NOVEMBER -> "Autumn " + date.getYear();
            case DECEMBER -> "Winter " + date.getYear() + "–" + String.format("%02d", (date.getYear() + 1) % 100);
            default -> "Winter " + (date.getYear() - 1) + "–" + String.format("%02d", date.getYear() % 100);
        };
    }

    private static String month(int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL, Locale.UK);
    }

    /**
     * The change of a sum against the previous window, in words: "up £30m on the previous window
     * (£12.5m)", "down £2m on ...", "the same as the previous window", "none in the previous window".
     */
    public static String change(BigDecimal now, BigDecimal before) {
        int compared = now.compareTo(before);
        if (before.signum() == 0) {
            return now.signum() == 0 ? "none in the previous window either" : "none in the previous window";
        }
        if (compared == 0) {
            return "the same as the previous window (" + pounds(before) + ")";
        }
        return (compared > 0 ? "up " : "down ") + pounds(now.subtract(before).abs()) + " on the previous window ("
                + pounds(before) + ")";
    }

    /** "+£30m", "−£2m", "no change": the change column of a totals table. */
    public static String difference(BigDecimal now, BigDecimal before) {
        int compared = now.compareTo(before);
        return compared == 0 ? "no change" : (compared > 0 ? "+" : "") + pounds(now.subtract(before));
    }

    /** "1 document", "23 documents". */
    public static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** "a", "a and b", "a, b and c". */
    public static String list(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** Empty for null, so table cells never say "null". */
    public static String text(String value) {
        return value == null ? "" : value;
    }

    /** True for an address a reader can click: http or https. */
    public static boolean isWebAddress(String address) {
        return address != null && (address.startsWith("https://") || address.startsWith("http://"));
    }
}
