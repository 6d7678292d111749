package org.watchbrief.analysis;

import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;

/**
 * Something a document says happened, or will happen, at a date.
 *
 * @param date the first day of the period the text names (the 1st of the month for a month, the
 *     first day of the season's first month for a season, 1 January for a year)
 * @param precision how precisely the text dates it
 * @param text the date's words as they appear ({@code "3 September 2018"}, {@code "this winter"})
 * @param event what happened, taken from the sentence
 */
public record DatedEvent(LocalDate date, DatePrecision precision, String text, String event) {

    public DatedEvent {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(event, "event");
    }

    /**
     * The date at its precision, in the corpus's form: {@code 2018-09-03}, {@code 2020-03},
     * {@code 2018-WINTER}, {@code 2019-Q1}, {@code 2018}.
     */
    public String isoDate() {
        return switch (precision) {
            case DAY -> date.toString();
            case MONTH -> String.format("%04d-%02d", date.getYear(), date.getMonthValue());
            case SEASON -> date.getYear() + "-" + Season.of(date.getMonth()).name();
            case QUARTER -> date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(date.getYear());
        };
    }

    /** Meteorological seasons; a winter is named by the year in which it begins. */
    public enum Season {
        SPRING(Month.MARCH), SUMMER(Month.JUNE), AUTUMN(Month.SEPTEMBER), WINTER(Month.DECEMBER);

        private final Month firstMonth;

        Season(Month firstMonth) {
            this.firstMonth = firstMonth;
        }

        public Month firstMonth() {
            return firstMonth;
        }

        static Season of(Month month) {
            return switch (month) {
                case MARCH, APRIL, MAY -> SPRING;
                case JUNE, JULY, AUGUST -> SUMMER;
                case SEPTEMBER, OCTOBER, NOVEMBER -> AUTUMN;
                default -> WINTER;
            };
        }
    }
}
