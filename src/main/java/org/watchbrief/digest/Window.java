package org.watchbrief.digest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * The days a digest covers, both ends included.
 *
 * @param start the first day
 * @param end the last day; with the schedule's name, the identity of a briefing
 */
public record Window(LocalDate start, LocalDate end) {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    public Window {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("the window starts (" + start + ") after it ends (" + end + ")");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** How many days it covers, both ends counted. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** The window of the same length that ends the day before this one starts. */
    public Window previous() {
        return new Window(start.minusDays(days()), start.minusDays(1));
    }

    /** "1 November 2026 to 7 November 2026". */
    public String describe() {
        return LONG.format(start) + " to " + LONG.format(end);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
