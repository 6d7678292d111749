package org.watchbrief.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchbrief.intake.Taxonomies;

import static org.assertj.core.api.Assertions.assertThat;

/** Sums of money: amounts, kinds, purposes and announcement keys, on sentences written for these tests. */
class MoneyExtractorTests {

    private static final LocalDate MAY_2024 = LocalDate.of(2024, 5, 14);

    private final Analyzer analyzer = new Analyzer(Taxonomies.load(null));

    private MoneyMention only(String text) {
        Analysis analysis = analyzer.analyze(text, MAY_2024);
        assertThat(analysis.money()).hasSize(1);
        return analysis.money().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            The department committed £21.5m to the unit.                        ; £21.5m                        ; 21500000    ; GBP
            A grant of £250,000 was awarded.                                    ; £250,000                      ; 250000      ; GBP
            Ministers invested £2.6 million in the helpline.                    ; £2.6 million                  ; 2600000     ; GBP
            The plan provides £1.2bn for policing.                              ; £1.2bn                        ; 1200000000  ; GBP
            £460 million was allocated to forces.                               ; £460 million                  ; 460000000   ; GBP
            It announced £50 million in new funding.                            ; £50 million                   ; 50000000    ; GBP
            The regulator can impose fines of up to £18 million or 10% of turnover.; up to £18 million          ; 18000000    ; GBP
            Each project will receive between £1m and £2m.                      ; between £1m and £2m           ; 2000000     ; GBP
            The fund gives £10m a year for three years to schools.              ; £10m a year for three years   ; 30000000    ; GBP
            The centre costs £0.75m to run.                                     ; £0.75m                        ; 750000      ; GBP
            The partner agency received $1.5 million from donors.               ; $1.5 million                  ; 1500000     ; USD
            The European fund granted €20m to hotlines.                         ; €20m                          ; 20000000    ; EUR
            Donors pledged 5 million pounds to the charity.                     ; 5 million pounds              ; 5000000     ; GBP
            """)
    void readsASumInEachOfItsFormsAsAnExactAmount(String sentence, String text, String amount, String currency) {
        // when
        MoneyMention money = only(sentence);
        // then
        assertThat(money.text()).isEqualTo(text);
        assertThat(money.amount()).isEqualByComparingTo(amount);
        assertThat(money.amount().scale()).isLessThanOrEqualTo(0);
        assertThat(money.currency()).isEqualTo(currency);
    }

    @Test
    void givesNoAmountInPoundsForAnotherCurrency() {
        // when
        MoneyMention dollars = only("The US agency invested $3 million in detection tools.");
        // then
        assertThat(dollars.amountGbp()).isNull();
        assertThat(dollars.amount()).isEqualByComparingTo("3000000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            The Home Office is investing £4m in new detection tools.                     ; FUNDING
            A new £3 million programme will train specialist officers.                    ; FUNDING
            Grants of £40,000 will be made available to local charities.                  ; FUNDING
            The company was fined £2 million for failing to protect users.                ; FINE
            Penalties can reach £10m for the worst breaches.                              ; FINE
            Abuse costs public services an estimated £3.2bn each year.                    ; COST
            Forces spent £12m on overtime last year.                                      ; COST
            The app's annual turnover is £90 million.                                     ; OTHER
            Tickets are priced at £15 each.                                               ; OTHER
            The market for safety technology is worth £400m.                              ; OTHER
            Projects are expected to cost up to £35,000 each.                             ; FUNDING
            Contracts worth £70,000 each will be let this summer.                         ; FUNDING
            The hub is backed by £14.75 million of Home Office funding.                   ; FUNDING
            Google gave £1m in 2013 to pay for extra analysts.                            ; FUNDING
            Around £4.9 million will be spent in 2022/23 on recruitment.                  ; FUNDING
            The maximum penalty available to the regulator is £18 million.                ; FINE
            A second-hand phone cost him less than £20.                                   ; OTHER
            Licence fees recover councils' costs and are typically between £100 and £300. ; OTHER
            """)
    void tellsFundingFromFinesCostsAndOtherSums(String sentence, MoneyKind kind) {
        assertThat(only(sentence).kind()).isEqualTo(kind);
    }

    @Test
    void aSumListedAfterAnotherSharesItsKind() {
        // when
        Analysis analysis = analyzer.analyze("The Government awarded £12 million to tackle online abuse. This includes "
                + "£5 million for the National Crime Agency and £2 million for victim support.", MAY_2024);
        // then
        assertThat(analysis.money()).extracting(MoneyMention::text).containsExactly("£12 million", "£5 million",
                "£2 million");
        assertThat(analysis.money()).extracting(MoneyMention::kind).containsOnly(MoneyKind.FUNDING);
    }

    @Test
    void givesTheClauseAFundingSumPaysFor() {
        // when
        MoneyMention money = only("The minister announced £6 million to expand the online child protection team.");
        // then
        assertThat(money.purpose()).isEqualTo("expand the online child protection team");
    }

    @Test
    void onlyFundingHasAnAnnouncementKey() {
        // when
        Analysis analysis = analyzer.analyze("The firm was fined £1m. The Home Office invested £2m in tools.",
                MAY_2024);
        // then
        assertThat(analysis.money()).extracting(MoneyMention::announcement).containsExactly(null, "2024 £2m");
    }

    @Test
    void givesTheSameKeyToOneDecisionReportedWithDifferentRoundingInTwoDocuments() {
        // given
        String pressRelease = "The Home Secretary today announced £21.5m for law enforcement to tackle online abuse.";
        String writtenAnswer = "In March, the Home Secretary committed £21 million to policing online child abuse.";
        // when
        MoneyMention first = only(pressRelease);
        MoneyMention second = analyzer.analyze(writtenAnswer, LocalDate.of(2024, 6, 20)).money().get(0);
        // then
        assertThat(first.announcement()).isEqualTo(second.announcement());
    }

    @Test
    void keysALaterReportByTheDateItsSentenceGives() {
        // given
        String later = "In September 2023 the Government invested £7.5m in a centre of expertise.";
        String atTheTime = "The Government has invested £7.5m in a new centre of expertise.";
        // when
        MoneyMention reported = analyzer.analyze(later, LocalDate.of(2024, 2, 1)).money().get(0);
        MoneyMention announced = analyzer.analyze(atTheTime, LocalDate.of(2023, 9, 12)).money().get(0);
        // then
        assertThat(reported.announcement()).isEqualTo(announced.announcement()).isEqualTo("2023 £7.5m");
    }

    @Test
    void keepsApartDecisionsWithTheSameRoundedSumInDifferentYears() {
        // when
        MoneyMention roads = analyzer.analyze("Councils were given £100 million to repair roads.",
                LocalDate.of(2011, 2, 23)).money().get(0);
        MoneyMention leisure = analyzer.analyze("The department announced a £100 million scheme for leisure centres.",
                LocalDate.of(2020, 11, 19)).money().get(0);
        // then
        assertThat(roads.announcement()).isNotEqualTo(leisure.announcement());
    }

    @Test
    void partsOfAnAnnouncedTotalShareItsKey() {
        // when
        Analysis listed = analyzer.analyze("The Government committed £20 million to tackle abuse. This includes "
                + "£6 million for the helpline and £4 million for research.", MAY_2024);
        Analysis addingUp = analyzer.analyze("The minister announced £3 million of funding. Charities will receive "
                + "£2 million to train staff. Another £1 million will be awarded to police forces.", MAY_2024);
        Analysis totalled = analyzer.analyze("Five firms will each be awarded £50,000. A further £50,000 will be "
                + "made available, taking the fund's total to £300,000.", MAY_2024);
        // then
        assertThat(listed.money()).extracting(MoneyMention::announcement).containsExactly("2024 £20m", "2024 £20m",
                "2024 £20m");
        assertThat(addingUp.money()).extracting(MoneyMention::announcement).containsExactly("2024 £3m", "2024 £3m",
                "2024 £3m");
        assertThat(totalled.money()).extracting(MoneyMention::announcement).containsExactly("2024 £300k",
                "2024 £300k", "2024 £300k");
    }

    @Test
    void penaltyWordingWinsOverAVerbThatOnlySoundsLikeFunding() {
        // when
        Analysis analysis = analyzer.analyze("Drivers face a fixed penalty of £200, and a fine of up to £1,000 if the "
                + "case goes to court, or up to £2,500 for drivers of lorries and buses.", MAY_2024);
        // then
        assertThat(analysis.money()).extracting(MoneyMention::kind).containsExactly(MoneyKind.FINE, MoneyKind.FINE,
                MoneyKind.FINE);
    }

    @Test
    void aSumNamedAgainInASummaryTakesTheKindItsOtherMentionGives() {
        // when
        Analysis analysis = analyzer.analyze("""
                • £14.75 million over three years for a Child Online Intelligence Hub

                A new national hub is backed by £14.75 million of Home Office funding.
                """, MAY_2024);
        // then
        assertThat(analysis.money()).extracting(MoneyMention::kind).containsExactly(MoneyKind.FUNDING,
                MoneyKind.FUNDING);
        assertThat(analysis.money()).extracting(MoneyMention::announcement).containsOnly("2024 £14m");
    }

    @Test
    void thePartsOfAPotSpentOverTimeShareItsKeyWhereverTheyAreNamed() {
        // when
        Analysis analysis = analyzer.analyze("""
                • £2.5 million programme to prevent online grooming
                • £1.5 million to expand CEOP's education programme

                A £2.5 million programme was announced today. Of the total, £1.5 million will expand CEOP's education
                programme. The remainder will be offered to charities as grants of between £50,000 and £150,000.

                Around £900,000 will be spent this year on recruitment, with the remainder covering running costs.
                """, MAY_2024);
        // then
        assertThat(analysis.money()).extracting(MoneyMention::announcement).containsOnly("2024 £2.5m");
    }

    @Test
    void aSumReportedAsNearlyAFigureIsKeyedAsTheSumBelowIt() {
        // when
        MoneyMention exact = only("The Home Office is investing £14.75 million in a new hub.");
        MoneyMention nearly = only("The Home Office is investing nearly £15 million in a new hub.");
        // then
        assertThat(nearly.announcement()).isEqualTo(exact.announcement()).isEqualTo("2024 £14m");
        assertThat(nearly.amount()).isEqualByComparingTo("15000000");
    }

    @Test
    void aPurposeNeverStartsWithADateOrAListMark() {
        // when
        MoneyMention dated = only("The Home Office granted £2 million from April to September 2026 for the helpline.");
        // then
        assertThat(dated.purpose()).isEqualTo("the helpline");
    }

    @Test
    void aSumPerItemIsCountedInThePotItIsDrawnFrom() {
        // when
        Analysis analysis = analyzer.analyze("""
                The Home Office is offering up to £400,000 for new detection tools.

                Suppliers must show a route to market. Projects will run for six months.

                Individual contracts will be worth no more than £80,000.
                """, MAY_2024);
        // then
        assertThat(analysis.money()).extracting(MoneyMention::announcement).containsExactly("2024 £400k",
                "2024 £400k");
    }

    @Test
    void aLargerSumThatAnEarlierOneIsPartOfKeepsItsOwnKey() {
        // when
        Analysis analysis = analyzer.analyze("The Home Secretary committed £20 million to tackle grooming. The "
                + "funding is part of £52 million awarded from the transformation fund.", MAY_2024);
        // then
        assertThat(analysis.money()).extracting(MoneyMention::announcement).doesNotHaveDuplicates();
    }

    @Test
    void oneDocumentNamingTheSameSumTwiceNamesOneDecision() {
        // when
        Analysis analysis = analyzer.analyze("""
                To ask what the £10 million for specialist teams has achieved.

                In December 2022 the Prime Minister announced an additional £10m would be provided in 2023/24.
                """, MAY_2024);
        // then
        assertThat(analysis.money()).extracting(MoneyMention::announcement).containsOnly("2022 £10m");
    }

    @Test
    void twoSumsJoinedByAndAreTwoSums() {
        // when
        Analysis analysis = analyzer.analyze("Police received £5m and £10m went to charities.", MAY_2024);
        // then
        assertThat(analysis.money()).extracting(MoneyMention::amount).usingElementComparator(BigDecimal::compareTo)
            .containsExactly(new BigDecimal("5000000"), new BigDecimal("10000000"));
    }

    @Test
    void wordsThatOnlyLookLikeMoneyAreNotSums() {
        // when
        Analysis analysis = analyzer.analyze("A multi-million-pound effort recorded 5,000 offences in 2023; the "
                + "pound fell against the dollar.", MAY_2024);
        // then
        assertThat(analysis.money()).isEmpty();
    }
}
