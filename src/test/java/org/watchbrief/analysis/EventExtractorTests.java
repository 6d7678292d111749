package org.watchbrief.analysis;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchbrief.intake.Taxonomies;

import static org.assertj.core.api.Assertions.assertThat;

/** Dated events, resolved against the document's own date, on sentences written for these tests. */
class EventExtractorTests {

    /** A Tuesday. */
    private static final LocalDate NOVEMBER_2018 = LocalDate.of(2018, 11, 20);

    private final Analyzer analyzer = new Analyzer(Taxonomies.load(null));

    private List<DatedEvent> events(String text, LocalDate reference) {
        return analyzer.analyze(text, reference).events();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            The scheme opened on 15th March 2021.                         ; 2021-03-15   ; DAY     ; 15th March 2021
            Ministers met on 29 October 2018 to agree the plan.           ; 2018-10-29   ; DAY     ; 29 October 2018
            The summit took place on 7-8 November.                        ; 2018-11-07   ; DAY     ; 7-8 November
            The report was published on March 15, 2021.                   ; 2021-03-15   ; DAY     ; March 15, 2021
            The code was laid in March 2020.                              ; 2020-03      ; MONTH   ; March 2020
            The team was set up in September.                             ; 2018-09      ; MONTH   ; in September
            It was announced in February of this year.                    ; 2018-02      ; MONTH   ; February of this year
            Spending rose sharply in 2018/19.                             ; 2018         ; YEAR    ; 2018/19
            We will consult this winter.                                  ; 2018-WINTER  ; SEASON  ; this winter
            Trials ran through the summer of 2017.                        ; 2017-SUMMER  ; SEASON  ; the summer of 2017
            Results are due in Q1 2019.                                   ; 2019-Q1      ; QUARTER ; Q1 2019
            The service went live at the start of this year.              ; 2018-Q1      ; QUARTER ; the start of this year
            A review will follow by the end of the year.                  ; 2018-12      ; MONTH   ; the end of the year
            The helpline has operated since 2014.                         ; 2014         ; YEAR    ; since 2014
            Earlier this month, the minister visited the unit.            ; 2018-11      ; MONTH   ; Earlier this month
            Officers made arrests last week.                              ; 2018-11      ; MONTH   ; last week
            The unit will expand over the next 18 months.                 ; 2020-05      ; MONTH   ; over the next 18 months
            Figures published last year showed a rise.                    ; 2017         ; YEAR    ; last year
            The charity was founded two years ago.                        ; 2016         ; YEAR    ; two years ago
            Yesterday, the minister wrote to the platforms.               ; 2018-11-19   ; DAY     ; Yesterday
            The funding was confirmed on Monday.                          ; 2018-11-19   ; DAY     ; on Monday
            The team will publish its findings this financial year.       ; 2018         ; YEAR    ; this financial year
            She appeared on the radio this morning.                       ; 2018-11-20   ; DAY     ; this morning
            The first awards will be made in the new year.                ; 2019         ; YEAR    ; in the new year
            """)
    void datesEachFormAtItsPrecision(String sentence, String iso, DatePrecision precision, String words) {
        // when
        List<DatedEvent> events = events(sentence, NOVEMBER_2018);
        // then
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.isoDate()).isEqualTo(iso);
            assertThat(event.precision()).isEqualTo(precision);
            assertThat(event.text()).isEqualTo(words);
        });
    }

    @Test
    void aMonthWithoutAYearTakesTheYearItsTensePointsTo() {
        // when
        List<DatedEvent> ahead = events("The regulator will publish its guidance in March.", NOVEMBER_2018);
        List<DatedEvent> past = events("The regulator published its guidance in March.", NOVEMBER_2018);
        // then
        assertThat(ahead).extracting(DatedEvent::isoDate).containsExactly("2019-03");
        assertThat(past).extracting(DatedEvent::isoDate).containsExactly("2018-03");
    }

    @Test
    void aWinterIsNamedByTheYearItBegins() {
        // when
        List<DatedEvent> january = events("Reports rose this winter.", LocalDate.of(2019, 1, 15));
        List<DatedEvent> written = events("The pilot ran in winter 2018/19.", NOVEMBER_2018);
        // then
        assertThat(january).extracting(DatedEvent::isoDate).containsExactly("2018-WINTER");
        assertThat(written).extracting(DatedEvent::isoDate).containsExactly("2018-WINTER");
    }

    @Test
    void namesFiguresAndAgesAreNotDates() {
        // when
        List<DatedEvent> events = events("Under the Sexual Offences Act 2003 and the Policing Vision 2025, 5,000 "
                + "offences against children aged 13 to 17 were recorded; see https://example.org/report-2019.pdf.",
                NOVEMBER_2018);
        // then
        assertThat(events).isEmpty();
    }

    @Test
    void aDatelineIsTheDocumentsMetadataNotAnEvent() {
        // when
        List<DatedEvent> events = events("""
                Home Office weekly round-up: Tuesday 20 November
                Published 20 November 2018
                Volume 650: debated on Tuesday 20 November 2018
                The minister met industry leaders on 12 November 2018.
                """, NOVEMBER_2018);
        // then
        assertThat(events).extracting(DatedEvent::isoDate).containsExactly("2018-11-12");
    }

    @Test
    void ofTwoDatesSideBySideForOnePeriodKeepsThePreciseOne() {
        // when
        List<DatedEvent> events = events("Earlier this year, in May, the fund opened. It closed today (20 November "
                + "2018).", NOVEMBER_2018);
        // then
        assertThat(events).extracting(DatedEvent::isoDate).containsExactly("2018-05", "2018-11-20");
    }

    @Test
    void aFullDateRepeatedInASummaryAndTheBodyIsOneEvent() {
        // when
        List<DatedEvent> events = events("""
                New offence in force from 3 April 2017.

                The new offence came into force on 3 April 2017, closing a gap in the law.
                """, LocalDate.of(2017, 4, 3));
        // then
        assertThat(events).singleElement().extracting(DatedEvent::isoDate).isEqualTo("2017-04-03");
    }

    @Test
    void aDayOrMonthRestatedInASummarysBulletIsOneEvent() {
        // when
        List<DatedEvent> events = events("""
                • first referrals expected from January 2019
                • consultation runs until 30 November

                The hub will take referrals from January 2019. The consultation will close on 30 November.
                """, NOVEMBER_2018);
        // then
        assertThat(events).extracting(DatedEvent::isoDate).containsExactly("2019-01", "2018-11-30");
    }

    @Test
    void aListItemCarryingTheDocumentsDateIsAnEventNotAHeading() {
        // when
        List<DatedEvent> events = events("""
                Online Safety Act becomes law

                • Online Safety Act receives Royal Assent today, 20 November 2018
                """, NOVEMBER_2018);
        // then
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.isoDate()).isEqualTo("2018-11-20");
            assertThat(event.event()).isEqualTo("Online Safety Act receives Royal Assent today, 20 November 2018");
        });
    }

    @Test
    void todayOpeningALineAfterAHeadlineIsTheDocumentsDayButNotASpeechsIntroduction() {
        // when
        List<DatedEvent> announced = events("Mobile phones at the wheel\n\nToday I am announcing a tighter law.",
                NOVEMBER_2018);
        List<DatedEvent> speech = events("Keeping children safe\n\nToday I want to focus on online abuse.",
                NOVEMBER_2018);
        // then
        assertThat(announced).extracting(DatedEvent::isoDate).containsExactly("2018-11-20");
        assertThat(speech).isEmpty();
    }

    @Test
    void aWrittenQuestionIsDescribedByWhatItAsks() {
        // when
        List<DatedEvent> events = events("To ask the Secretary of State for Digital, Culture, Media and Sport, what "
                + "discussions he has had with gaming companies since March 2018.", NOVEMBER_2018);
        // then
        assertThat(events).singleElement().extracting(DatedEvent::event)
            .isEqualTo("Asked what discussions he has had with gaming companies since March 2018.");
    }

    @Test
    void aRangeOfMonthsGivesBothEnds() {
        // when
        List<DatedEvent> events = events("The consultation ran from April to July 2019.", NOVEMBER_2018);
        // then
        assertThat(events).extracting(DatedEvent::isoDate).containsExactly("2019-04", "2019-07");
    }

    @Test
    void aComparisonOrANameIsNotADay() {
        // when
        List<DatedEvent> events = events("Children must be safer tomorrow than they were yesterday, the charity told "
                + "the BBC Today programme.", NOVEMBER_2018);
        // then
        assertThat(events).isEmpty();
    }

    @Test
    void describesTheEventFromItsSentence() {
        // when
        List<DatedEvent> events = events("Background. On 4 June 2019 the taskforce published its first report on "
                + "live-streamed abuse.", NOVEMBER_2018);
        // then
        assertThat(events).singleElement().satisfies(event -> assertThat(event.event())
            .isEqualTo("The taskforce published its first report on live-streamed abuse."));
    }
}
