package org.watchbrief.cli;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Dates on the command line: {@code 2026-11-20}, {@code "20 November 2026"} (or {@code "20 Nov
 * 2026"}), {@code today}, {@code yesterday}, and two words for periods: {@code "last week"} is the
 * previous Monday-to-Sunday week and {@code "last month"} the previous calendar month. A period
 * means its first day in {@code --from} ({@link Start}) and its last day in {@code --to}
 * ({@link End}), so {@code --from "last month" --to "last month"} is the whole of last month.
 */
abstract class DateConverter implements ITypeConverter<LocalDate> {

    /** The accepted forms, for help texts and error messages. */
    static final String ACCEPTED = "2026-11-20, \"20 November 2026\", today, yesterday, \"last week\" or \"last month\"";

    private static final List<DateTimeFormatter> WRITTEN = List.of(written("d MMMM uuuu"), written("d MMM uuuu"));

    private final boolean end;

    DateConverter(boolean end) {
        this.end = end;
    }

    @Override
    public LocalDate convert(String value) {
        return parse(value, end, LocalDate.now());
    }

    /**
     * @param end whether the date ends a window (a period then means its last day, else its first)
     * @param today the day "today" means
     * @throws TypeConversionException naming the value and the accepted forms
     */
    static LocalDate parse(String value, boolean end, LocalDate today) {
        String text = value.strip().replaceAll("[\\s_-]+", " ").toLowerCase(Locale.ROOT);
        switch (text) {
            case "today":
                return today;
            case "yesterday":
                return today.minusDays(1);
            case "last week": {
                LocalDate monday = today.minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return end ? monday.plusDays(6) : monday;
            }
            case "last month": {
                YearMonth month = YearMonth.from(today).minusMonths(1);
                return end ? month.atEndOfMonth() : month.atDay(1);
            }
            default:
                break;
        }
        try {
            return LocalDate.parse(value.strip());
        }
        catch (DateTimeParseException notIso) {
            // "15 Sept 2026" is how en-GB abbreviates September; the parser knows "Sep"
            String written = text.replace("sept ", "sep ").replace(".", "");
            for (DateTimeFormatter format : WRITTEN) {
                try {
                    return LocalDate.parse(written, format);
                }
                catch (DateTimeParseException notThisForm) {
                    // try the next form
                }
            }
            throw new TypeConversionException("'" + value + "' is not a date; use " + ACCEPTED);
        }
    }

    /** A strict formatter, so that "31 June" is an error rather than 30 June. */
    private static DateTimeFormatter written(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern(pattern)
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);
    }

    /** {@code --from}: a period means its first day. */
    static final class Start extends DateConverter {

        Start() {
            super(false);
        }
    }

    /** {@code --to}: a period means its last day. */
    static final class End extends DateConverter {

        End() {
            super(true);
        }
    }
}
