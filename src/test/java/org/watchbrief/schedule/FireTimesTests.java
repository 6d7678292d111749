package org.watchbrief.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FireTimesTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Instant london(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(LONDON).toInstant();
    }

    @Test
    void aMondayMorningRunStaysAtSevenLondonTimeWhenTheClocksGoForward() {
        // given
        FireTimes weekly = new FireTimes("0 0 7 * * MON", LONDON);
        // when
        List<ZonedDateTime> next = weekly.next(2, Instant.parse("2027-03-22T08:00:00Z"));
        // then: 07:00 GMT before the change (29 March 2027 is the Monday after it), 07:00 BST after
        assertThat(next).extracting(ZonedDateTime::toInstant)
            .containsExactly(Instant.parse("2027-03-29T06:00:00Z"), Instant.parse("2027-04-05T06:00:00Z"));
    }

    @Test
    void aRunInTheHourSkippedInSpringStillFiresThatNightOnce() {
        // given: 01:30 does not exist in London on 28 March 2027
        FireTimes nightly = new FireTimes("0 30 1 * * *", LONDON);
        // when
        List<ZonedDateTime> next = nightly.next(3, london(2027, 3, 27, 12, 0));
        // then: shifted by the gap's hour, and the days around it as usual
        assertThat(next).extracting(ZonedDateTime::toInstant)
            .containsExactly(Instant.parse("2027-03-28T01:30:00Z"), Instant.parse("2027-03-29T00:30:00Z"),
                    Instant.parse("2027-03-30T00:30:00Z"));
    }

    @Test
    void justAfterTheClocksGoForwardTheShiftedRunIsStillAhead() {
        // given: 01:29:59 UTC on 28 March 2027; the wall clock already shows 02:29:59 BST
        FireTimes nightly = new FireTimes("0 30 1 * * *", LONDON);
        // when, then
        assertThat(nightly.nextAfter(Instant.parse("2027-03-28T01:29:59Z"))).get()
            .extracting(ZonedDateTime::toInstant)
            .isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void aRunInTheHourRepeatedInAutumnFiresOnceTheFirstTime() {
        // given: 01:30 happens twice in London on 31 October 2027
        FireTimes nightly = new FireTimes("0 30 1 * * *", LONDON);
        // when
        List<ZonedDateTime> next = nightly.next(2, london(2027, 10, 30, 12, 0));
        // then
        assertThat(next).extracting(ZonedDateTime::toInstant)
            .containsExactly(Instant.parse("2027-10-31T00:30:00Z"), Instant.parse("2027-11-01T01:30:00Z"));
    }

    @Test
    void theRunAfterTheFirstOfTwoRepeatedHoursIsTheNextDays() {
        // given: it is 01:10 the second time round (GMT), after the 01:30 BST run
        FireTimes nightly = new FireTimes("0 30 1 * * *", LONDON);
        // when, then
        assertThat(nightly.nextAfter(Instant.parse("2027-10-31T01:10:00Z"))).get()
            .extracting(ZonedDateTime::toInstant)
            .isEqualTo(Instant.parse("2027-11-01T01:30:00Z"));
    }

    @Test
    void findsTheLastRunBeforeAMomentForASparseAndADenseExpression() {
        // when, then
        assertThat(new FireTimes("0 0 8 1 * *", LONDON).latestAtOrBefore(london(2026, 11, 25, 10, 0))).get()
            .isEqualTo(ZonedDateTime.of(2026, 11, 1, 8, 0, 0, 0, LONDON));
        assertThat(new FireTimes("0 0 7 * * MON", LONDON).latestAtOrBefore(london(2026, 11, 23, 7, 0))).get()
            .as("a run exactly at the moment counts")
            .isEqualTo(ZonedDateTime.of(2026, 11, 23, 7, 0, 0, 0, LONDON));
        assertThat(new FireTimes("0 0 8 1 1 *", LONDON).latestAtOrBefore(london(2026, 12, 31, 23, 0))).get()
            .isEqualTo(ZonedDateTime.of(2026, 1, 1, 8, 0, 0, 0, LONDON));
        assertThat(new FireTimes("0 */5 * * * *", LONDON).latestAtOrBefore(london(2026, 11, 25, 10, 7))).get()
            .isEqualTo(ZonedDateTime.of(2026, 11, 25, 10, 5, 0, 0, LONDON));
    }

    @Test
    void anExpressionForADayThatNeverComesHasNoRuns() {
        // given
        FireTimes never = new FireTimes("0 0 7 30 2 *", LONDON);
        // when, then
        assertThat(never.nextAfter(Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
        assertThat(never.latestAtOrBefore(Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
    }
}
