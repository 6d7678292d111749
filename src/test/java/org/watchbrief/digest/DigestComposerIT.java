package org.watchbrief.digest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.analysis.DatePrecision;
import org.watchbrief.analysis.MoneyKind;
import org.watchbrief.digest.Digest.FundingLine;
import org.watchbrief.digest.Digest.Ref;
import org.watchbrief.digest.Digest.ThemeSection;
import org.watchbrief.digest.Digest.TimelineEntry;
import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.store.DocumentRepository;
import org.watchbrief.support.BothDatabases;
import org.watchbrief.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchbrief.support.AnalysedDocuments.aNewsStory;
import static org.watchbrief.support.AnalysedDocuments.aPressRelease;
import static org.watchbrief.support.AnalysedDocuments.aWrittenQuestion;

/** Composing a window's digest from a real store (H2, and PostgreSQL) holding what intake would have stored. */
@SpringBootTest
@BothDatabases
class DigestComposerIT {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, work);
        registry.add("watchbrief.inbox", () -> work.resolve("inbox").toString());
        registry.add("watchbrief.reports-dir", () -> work.resolve("reports").toString());
    }

    /** 2 to 8 November 2026; the window before is 26 October to 1 November. */
    private static final Window WINDOW = new Window(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8));

    private static final String PRESS_RELEASE = "£12.5 million to expand undercover policing of online child abuse";

    private static final String ANSWER = "Child Sexual Abuse: Internet";

    @Autowired
    DigestComposer composer;

    @Autowired
    DocumentRepository documents;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyStore() {
        TestDatabase.emptyDocuments(jdbc);
    }

    private void store(AnalysedDocument... analysed) {
        documents.insertAll(Arrays.asList(analysed), Instant.parse("2026-11-09T06:00:00Z"));
    }

    private Digest compose(String... themes) {
        return compose(DocumentFilter.NONE, themes);
    }

    private Digest compose(DocumentFilter filter, String... themes) {
        return composer.compose(new DigestComposer.Request("weekly", "Weekly briefing", WINDOW, List.of(themes),
                filter, List.of("managers@example.org"), ZoneId.of("Europe/London")));
    }

    private static AnalysedDocument pressRelease() {
        return aPressRelease(PRESS_RELEASE, LocalDate.of(2026, 11, 3)).from("Home Office")
            .at("https://www.gov.uk/government/news/undercover-policing")
            .saying("A new national team of undercover officers will target adults who groom children online, "
                    + "backed by £12.5 million of Home Office funding announced today. The team will also share "
                    + "intelligence with technology companies. In his speech on 3 September 2018, the Home "
                    + "Secretary called on companies to do more.")
            .about("grooming", 0.9, "A new national team of undercover officers will target adults who groom "
                    + "children online, backed by £12.5 million of Home Office funding announced today.",
                    "groom children")
            .about("data_sharing", 0.6, "The team will also share intelligence with technology companies.",
                    "share intelligence")
            .funding("£12.5 million", "12500000", "a national team of undercover officers")
            .event(LocalDate.of(2018, 9, 3), DatePrecision.DAY, "In his speech on 3 September 2018, the Home "
                    + "Secretary called on companies to do more.")
            .build();
    }

    private static AnalysedDocument writtenAnswer() {
        return aWrittenQuestion(ANSWER, LocalDate.of(2026, 11, 5)).from("Home Office").answeredBy("Jess Phillips")
            .saying("To ask the Secretary of State what steps she is taking against grooming since the 3 September "
                    + "2018 speech Keeping children safe online. The Home Office is funding the £12.5m Covert "
                    + "Intelligence Team to tackle grooming.")
            .about("grooming", 0.8, "The Home Office is funding the £12.5m Covert Intelligence Team to tackle "
                    + "grooming.", "grooming")
            .funding("£12.5m", "12500000", null)
            .event(LocalDate.of(2018, 9, 3), DatePrecision.DAY, "To ask the Secretary of State what steps she is "
                    + "taking against grooming since the 3 September 2018 speech Keeping children safe online.")
            .build();
    }

    @Test
    void countsAnAnnouncementReportedTwiceOnceAndNamesBothReports() {
        // given
        store(pressRelease(), writtenAnswer());
        // when
        Digest digest = compose();
        // then
        assertThat(digest.funding().lines()).hasSize(1);
        FundingLine line = digest.funding().lines().get(0);
        assertThat(line.amount()).isEqualByComparingTo("12500000");
        assertThat(line.text()).isEqualTo("£12.5 million");
        assertThat(line.purpose()).isEqualTo("a national team of undercover officers");
        assertThat(line.who()).isEqualTo("Home Office");
        assertThat(line.firstReported()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(line.counted()).isTrue();
        assertThat(line.reportedBy()).extracting(Ref::title).containsExactly(PRESS_RELEASE, ANSWER);
        assertThat(line.themes()).containsExactly("grooming", "data_sharing");
        assertThat(digest.funding().total()).isEqualByComparingTo("12500000");
        assertThat(digest.summary().fundingTotal()).isEqualByComparingTo("12500000");
        assertThat(digest.summary().announcements()).isOne();
        assertThat(digest.funding().themeTotals()).extracting(t -> t.theme() + " " + t.total().stripTrailingZeros()
            .toPlainString())
            .containsExactly("grooming 12500000", "livestreaming 0", "data_sharing 12500000", "legislation 0");
    }

    @Test
    void listsFundingFirstReportedInAnEarlierWindowWithoutCountingItAgain() {
        // given
        store(aNewsStory("Charities welcome £30m fund", LocalDate.of(2026, 10, 12))
            .about("grooming", 0.7, "A £30m fund to stop grooming.", "grooming")
            .funding("£30m", "30000000", "stopping grooming")
            .build(),
                aNewsStory("Grooming fund opens to bids", LocalDate.of(2026, 11, 4))
                    .about("grooming", 0.7, "Forces can now bid for the £30 million fund against grooming.",
                            "grooming")
                    .funding("£30 million", "30000000", "stopping grooming")
                    .build(),
                aPressRelease("£2m for school prevention work", LocalDate.of(2026, 10, 28))
                    .about("grooming", 0.7, "£2m will fund prevention of grooming in schools.", "grooming")
                    .funding("£2m", "2000000", "prevention work in schools")
                    .build());
        // when
        Digest digest = compose();
        // then
        assertThat(digest.funding().lines()).singleElement().satisfies(line -> {
            assertThat(line.counted()).isFalse();
            assertThat(line.firstReported()).isEqualTo(LocalDate.of(2026, 10, 12));
        });
        assertThat(digest.funding().total()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(digest.funding().previousTotal()).as("the window before had the £2m").isEqualByComparingTo("2000000");
        assertThat(digest.summary().previousFundingTotal()).isEqualByComparingTo("2000000");
        assertThat(digest.funding().themeTotals().get(0).previousTotal()).isEqualByComparingTo("2000000");
    }

    @Test
    void keepsFinesAndCostsApartAndNeverAddsThemToFunding() {
        // given
        store(aNewsStory("Livestreaming app fined £1.05 million by Ofcom", LocalDate.of(2026, 11, 6)).from("Ofcom")
            .about("livestreaming", 0.9, "The livestreaming app was fined.", "livestreaming")
            .fine("£1.05 million", "1050000", "failing to protect children")
            .cost("£1.2bn", "1200000000", "online abuse, to public services")
            .build(), pressRelease());
        // when
        Digest digest = compose();
        // then
        assertThat(digest.funding().finesAndCosts()).extracting(s -> s.kind() + " " + s.text())
            .containsExactly("FINE £1.05 million", "COST £1.2bn");
        assertThat(digest.funding().finesAndCosts().get(0).kind()).isEqualTo(MoneyKind.FINE);
        assertThat(digest.funding().total()).isEqualByComparingTo("12500000");
    }

    @Test
    void showsAnEventTwoDocumentsReportOnceWithBothAsSources() {
        // given
        store(pressRelease(), writtenAnswer());
        // when
        Digest digest = compose();
        // then
        List<TimelineEntry> speech = digest.timeline().stream()
            .filter(e -> e.date().equals(LocalDate.of(2018, 9, 3))).toList();
        assertThat(speech).singleElement().satisfies(event -> {
            assertThat(event.precision()).isEqualTo(DatePrecision.DAY);
            assertThat(event.sources()).extracting(Ref::title).containsExactly(PRESS_RELEASE, ANSWER);
            assertThat(event.event()).isEqualTo("In his speech on 3 September 2018, the Home Secretary called on "
                    + "companies to do more.");
        });
    }

    @Test
    void summarisesEachDocumentUnderEachThemeWithTheSentencesThatCarryThatTheme() {
        // given
        store(pressRelease());
        // when
        Digest digest = compose();
        // then
        ThemeSection grooming = digest.sections().get(0);
        ThemeSection dataSharing = digest.sections().get(2);
        assertThat(grooming.documents()).singleElement().satisfies(entry -> {
            assertThat(entry.summary()).startsWith("A new national team of undercover officers will target adults "
                    + "who groom children online").doesNotContain("share intelligence");
            assertThat(entry.evidence()).containsExactly("groom children");
            assertThat(entry.type()).isEqualTo("Press release");
            assertThat(entry.department()).isEqualTo("Home Office");
            assertThat(entry.document().address()).isEqualTo("https://www.gov.uk/government/news/undercover-policing");
        });
        assertThat(dataSharing.documents()).singleElement()
            .satisfies(entry -> assertThat(entry.summary())
                .isEqualTo("The team will also share intelligence with technology companies."));
    }

    @Test
    void namesTheNextEventsAfterTheWindowSoonestFirst() {
        // given
        store(aPressRelease("Consultation on mandatory reporting", LocalDate.of(2026, 11, 7))
            .about("legislation", 0.9, "The Government will legislate.", "legislate")
            .event(LocalDate.of(2028, 1, 1), DatePrecision.YEAR, "The duty comes into force in 2028.")
            .event(LocalDate.of(2027, 3, 1), DatePrecision.SEASON, "The consultation closes next spring.")
            .event(LocalDate.of(2026, 11, 1), DatePrecision.MONTH, "The consultation opened this month.")
            .build());
        // when
        Digest digest = compose();
        // then
        assertThat(digest.summary().ahead()).extracting(TimelineEntry::event)
            .containsExactly("The consultation closes next spring.", "The duty comes into force in 2028.");
        assertThat(digest.timeline()).hasSize(3);
    }

    @Test
    void countsDocumentsPerThemeInThisWindowAndTheFiveBefore() {
        // given
        store(pressRelease(), writtenAnswer(),
                aNewsStory("Older grooming story", LocalDate.of(2026, 10, 20))
                    .about("grooming", 0.7, "Grooming rose.", "grooming").build(),
                aNewsStory("Much older story", LocalDate.of(2026, 9, 1))
                    .about("grooming", 0.7, "Grooming fell.", "grooming").build());
        // when
        Digest digest = compose();
        // then
        assertThat(digest.history()).hasSize(6);
        assertThat(digest.history().get(5).window()).isEqualTo(WINDOW);
        assertThat(digest.history().get(0).window()).isEqualTo(new Window(LocalDate.of(2026, 9, 28),
                LocalDate.of(2026, 10, 4)));
        assertThat(digest.history()).extracting(w -> w.counts().get(0).documents()).containsExactly(0, 0, 0, 1, 0, 2);
        assertThat(digest.history().get(5).counts().get(2).documents()).as("data sharing this window").isOne();
    }

    @Test
    void leavesOutDocumentsOffTheSubjectAndThemesTheScheduleDoesNotCover() {
        // given
        store(pressRelease(),
                aNewsStory("Dog grooming salons licensed", LocalDate.of(2026, 11, 4)).notRelevant()
                    .about("grooming", 0.6, "Dog grooming salons need a licence.", "grooming")
                    .build(),
                aNewsStory("Livestreaming app fined", LocalDate.of(2026, 11, 6))
                    .about("livestreaming", 0.9, "The livestreaming app was fined.", "livestreaming").build());
        // when
        Digest digest = compose("grooming", "data_sharing");
        // then
        assertThat(digest.sections()).extracting(ThemeSection::theme).containsExactly("grooming", "data_sharing");
        assertThat(digest.summary().documents()).isOne();
        assertThat(digest.sources()).extracting(Digest.Source::title).containsExactly(PRESS_RELEASE);
    }

    @Test
    void numbersTheSourcesByDateAndPointsEveryPartAtThem() {
        // given
        store(writtenAnswer(), pressRelease());
        // when
        Digest digest = compose();
        // then
        assertThat(digest.sources()).extracting(s -> s.number() + " " + s.title())
            .containsExactly("1 " + PRESS_RELEASE, "2 " + ANSWER);
        assertThat(digest.sources().get(1).publisher()).isEqualTo("Home Office");
        assertThat(digest.sections().get(0).documents()).extracting(e -> e.document().number()).containsExactly(2, 1);
        assertThat(digest.summary().themes().get(0).top()).as("the documents reporting new funding come first")
            .extracting(e -> e.document().number()).containsExactly(1, 2);
    }

    @Test
    void appliesTheSchedulesFiltersToThisWindowAndToTheOnesItIsComparedWith() {
        // given
        store(pressRelease(),
                aNewsStory("Ofcom opens grooming inquiry", LocalDate.of(2026, 11, 4)).from("Ofcom")
                    .about("grooming", 0.8, "Ofcom opened an inquiry into grooming on a chat app.", "grooming").build(),
                aPressRelease("£2m for school prevention work", LocalDate.of(2026, 10, 28)).from("Home Office")
                    .about("grooming", 0.7, "£2m will fund prevention of grooming in schools.", "grooming")
                    .funding("£2m", "2000000", "prevention work in schools").build(),
                aPressRelease("£5m Ofcom research fund", LocalDate.of(2026, 10, 29)).from("Ofcom")
                    .about("grooming", 0.7, "£5m will fund research into grooming.", "grooming")
                    .funding("£5m", "5000000", "research").build());
        DocumentFilter homeOffice = new DocumentFilter(List.of("Home Office"), List.of(), List.of(), List.of());
        // when
        Digest digest = compose(homeOffice);
        // then
        assertThat(digest.sources()).extracting(Digest.Source::title).containsExactly(PRESS_RELEASE);
        assertThat(digest.funding().previousTotal()).as("only the Home Office's £2m the window before")
            .isEqualByComparingTo("2000000");
        assertThat(digest.history().get(4).counts().get(0).documents()).isOne();
        assertThat(digest.scope()).isEqualTo("from Home Office");
    }

    @Test
    void saysWhoAnsweredInWhatRoleAndThatAnAnswerIsAHoldingOne() {
        // given
        store(aWrittenQuestion("Online Safety: Children", LocalDate.of(2026, 11, 6)).from("Home Office")
            .answeredBy("Jess Phillips", "Parliamentary Under-Secretary (Home Office)").holding()
            .about("grooming", 0.7, "I will reply to the question on grooming as soon as possible.", "grooming")
            .build());
        // when
        Digest digest = compose();
        // then
        assertThat(digest.sections().get(0).documents()).singleElement().satisfies(entry -> {
            assertThat(entry.answeredBy()).isEqualTo("Jess Phillips");
            assertThat(entry.answeredByRole()).isEqualTo("Parliamentary Under-Secretary (Home Office)");
            assertThat(entry.holding()).isTrue();
        });
    }

    @Test
    void aWindowWithNothingNewGivesAnEmptyDigestThatStillComparesFunding() {
        // given
        store(aPressRelease("£2m for school prevention work", LocalDate.of(2026, 10, 28))
            .about("grooming", 0.7, "£2m will fund prevention of grooming in schools.", "grooming")
            .funding("£2m", "2000000", "prevention work in schools")
            .build());
        // when
        Digest digest = compose();
        // then
        assertThat(digest.hasNoDocuments()).isTrue();
        assertThat(digest.sections()).hasSize(4).allMatch(s -> s.documents().isEmpty());
        assertThat(digest.funding().lines()).isEmpty();
        assertThat(digest.summary().previousFundingTotal()).isEqualByComparingTo("2000000");
        assertThat(digest.timeline()).isEmpty();
        assertThat(digest.audience()).containsExactly("managers@example.org");
        assertThat(DigestJson.read(DigestJson.write(digest))).isEqualTo(digest);
    }
}
