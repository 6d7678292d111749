package org.watchbrief.digest;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.watchbrief.analysis.DatePrecision;
import org.watchbrief.analysis.DatedEvent;
import org.watchbrief.digest.SameEvents.Report;

import static org.assertj.core.api.Assertions.assertThat;

class SameEventsTests {

    private static Report<String> report(String document, LocalDate date, DatePrecision precision, String event) {
        return new Report<>(new DatedEvent(date, precision, date.toString(), event), document);
    }

    @Test
    void takesASpeechCitedByAWrittenAnswerAndAPressReleaseForOneEvent() {
        // given
        LocalDate speech = LocalDate.of(2018, 9, 3);
        List<Report<String>> reports = List.of(
                report("written answer", speech, DatePrecision.DAY, "To ask the Secretary of State for the Home "
                        + "Department, what assessment he has made of the steps social networks have taken to protect "
                        + "children since his 3 September 2018 speech Keeping children safe online."),
                report("press release", speech, DatePrecision.DAY, "In his speech at the NSPCC on 3 September 2018, "
                        + "the Home Secretary called on technology companies to do more to keep children safe."),
                report("press release", LocalDate.of(2019, 4, 8), DatePrecision.DAY,
                        "The Online Harms White Paper was published on 8 April 2019."));
        // when
        List<List<Report<String>>> events = SameEvents.group(reports);
        // then
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).extracting(Report::source).containsExactly("written answer", "press release");
    }

    @Test
    void keepsApartTwoDifferentThingsOnTheSameDay() {
        // given
        LocalDate day = LocalDate.of(2026, 10, 7);
        List<Report<String>> reports = List.of(
                report("news", day, DatePrecision.DAY, "The regulator announced the penalty against Flickcast on "
                        + "7 October 2026."),
                report("press release", day, DatePrecision.DAY, "On 7 October 2026 the Home Office launched a "
                        + "consultation on mandatory reporting of child sexual abuse."));
        // when
        List<List<Report<String>>> events = SameEvents.group(reports);
        // then
        assertThat(events).hasSize(2);
    }

    @Test
    void needsMoreInCommonForAMonthOrAYearThanForADay() {
        // given
        LocalDate year = LocalDate.of(2027, 1, 1);
        List<Report<String>> reports = List.of(
                report("a", year, DatePrecision.YEAR, "The fund for police forces starts in 2027."),
                report("b", year, DatePrecision.YEAR, "The Bill will be introduced to Parliament in 2027."),
                report("c", year, DatePrecision.YEAR, "The new fund for police forces will start in 2027."));
        // when
        List<List<Report<String>>> events = SameEvents.group(reports);
        // then
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).extracting(Report::source).containsExactly("a", "c");
    }

    @Test
    void takesADayADocumentNamesTwiceForOneEvent() {
        // given
        LocalDate day = LocalDate.of(2018, 9, 3);
        List<Report<String>> reports = List.of(
                report("answer", day, DatePrecision.DAY, "since his 3 September 2018 speech Keeping children safe online"),
                report("answer", day, DatePrecision.DAY, "In his speech at the NSPCC on the 3 September, the Home "
                        + "Secretary highlighted the risk of livestreaming."));
        // when / then
        assertThat(SameEvents.group(reports)).hasSize(1);
    }

    @Test
    void neverMergesDifferentDatesOrPrecisions() {
        // given
        List<Report<String>> reports = List.of(
                report("a", LocalDate.of(2020, 3, 1), DatePrecision.MONTH, "The codes came into force."),
                report("b", LocalDate.of(2020, 3, 1), DatePrecision.DAY, "The codes came into force."),
                report("c", LocalDate.of(2020, 4, 1), DatePrecision.MONTH, "The codes came into force."));
        // when / then
        assertThat(SameEvents.group(reports)).hasSize(3);
    }
}
