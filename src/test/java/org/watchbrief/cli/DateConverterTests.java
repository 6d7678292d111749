package org.watchbrief.cli;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dates an operator types after --from and --to. */
class DateConverterTests {

    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static LocalDate from(String value) {
        return DateConverter.parse(value, false, TODAY);
    }

    private static LocalDate to(String value) {
        return DateConverter.parse(value, true, TODAY);
    }

    @Test
    void readsIsoDatesAndDatesWrittenOut() {
        assertThat(from("2021-03-15")).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(from("15 March 2021")).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(from("15 march 2021")).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(from("1 Sep 2026")).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(from("1 Sept 2026")).as("en-GB's abbreviation").isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(to(" 20 November 2026 ")).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void readsTodayAndYesterdayTheSameWayOnEitherSide() {
        assertThat(from("today")).isEqualTo(TODAY);
        assertThat(to("Today")).isEqualTo(TODAY);
        assertThat(from("yesterday")).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(to("yesterday")).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void lastWeekIsThePreviousMondayToSundayWeek() {
        assertThat(from("last week")).isEqualTo(LocalDate.of(2026, 11, 16)).matches(d -> d.getDayOfWeek().getValue() == 1);
        assertThat(to("last week")).isEqualTo(LocalDate.of(2026, 11, 22)).matches(d -> d.getDayOfWeek().getValue() == 7);
        assertThat(from("last-week")).isEqualTo(LocalDate.of(2026, 11, 16));
    }

    @Test
    void lastWeekSeenFromAMondayIsTheWeekThatJustEnded() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertThat(DateConverter.parse("last week", false, monday)).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(DateConverter.parse("last week", true, monday)).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void lastMonthIsThePreviousCalendarMonthAcrossTheNewYear() {
        assertThat(from("last month")).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(to("last month")).isEqualTo(LocalDate.of(2026, 10, 31));
        LocalDate january = LocalDate.of(2027, 1, 10);
        assertThat(DateConverter.parse("last month", false, january)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(DateConverter.parse("last month", true, january)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void aBadValueIsNamedWithTheFormsThatWork() {
        assertThatThrownBy(() -> from("next tuesday")).isInstanceOf(TypeConversionException.class)
            .hasMessage("'next tuesday' is not a date; use 2026-11-20, \"20 November 2026\", today, yesterday, "
                    + "\"last week\" or \"last month\"");
        assertThatThrownBy(() -> from("2026-02-30")).hasMessageStartingWith("'2026-02-30' is not a date");
        assertThatThrownBy(() -> from("31 June 2026")).hasMessageStartingWith("'31 June 2026' is not a date");
    }
}
