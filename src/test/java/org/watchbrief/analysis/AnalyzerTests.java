package org.watchbrief.analysis;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.watchbrief.intake.Taxonomies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyzerTests {

    private final Analyzer analyzer = new Analyzer(Taxonomies.load(null));

    private static final LocalDate NOVEMBER_2018 = LocalDate.of(2018, 11, 6);

    @Test
    void putsADocumentAboutGroomingChildrenUnderGroomingWithItsEvidence() {
        // when
        Analysis analysis = analyzer.analyze("Offenders groom children on gaming platforms. "
                + "The Home Office funds tools that flag groomers to moderators and tackle child sexual abuse.",
                NOVEMBER_2018);
        // then
        assertThat(analysis.relevant()).isTrue();
        assertThat(analysis.assignedThemes()).contains("grooming");
        ThemeScore grooming = analysis.themes().stream().filter(t -> t.theme().equals("grooming")).findFirst()
            .orElseThrow();
        assertThat(grooming.evidence()).extracting(Evidence::phrase).contains("groom", "groomers");
    }

    @Test
    void leavesADocumentThatOnlySharesWordsWithAThemeInNoTheme() {
        // when
        Analysis dogs = analyzer.analyze("Dog grooming salons will need a licence under new legislation. "
                + "The live streaming of the final drew record audiences.", NOVEMBER_2018);
        // then
        assertThat(dogs.relevant()).isFalse();
        assertThat(dogs.assignedThemes()).isEmpty();
    }

    @Test
    void summarisesTheBodyBySentencesThatCarryAnAssignedThemeNeverTheHeadline() {
        // given
        String headline = "Groomers targeted by new online safety measures.";
        String body = "The minister spoke at a conference in Leeds on Tuesday morning.\n\n"
                + "Offenders groom children on gaming platforms and social media.  The Home Office funds tools "
                + "that flag groomers to moderators.\nMore than 700 officers have been trained.";
        // when
        Analyzer.Summarized read = analyzer.analyze(headline, body, NOVEMBER_2018, 2);
        // then: the headline is analysed with the body, and the summary holds the body's carrying sentences
        assertThat(read.analysis()).isEqualTo(analyzer.analyze(headline + "\n\n" + body, NOVEMBER_2018));
        assertThat(read.analysis().assignedThemes()).contains("grooming");
        assertThat(read.summary()).isEqualTo("Offenders groom children on gaming platforms and social media. "
                + "The Home Office funds tools that flag groomers to moderators.");
    }

    @Test
    void summarisesADocumentThatCarriesNoThemeByItsFirstSentences() {
        // when
        Analyzer.Summarized read = analyzer.analyze(null, "Short.\nThe council has resurfaced the road outside "
                + "the school. Work finished on time. It cost less than planned.", NOVEMBER_2018, 2);
        // then
        assertThat(read.analysis().assignedThemes()).isEmpty();
        assertThat(read.summary()).isEqualTo("The council has resurfaced the road outside the school.");
    }

    @Test
    void readsSumsInTheirCommonFormsAsExactAmounts() {
        // when
        Analysis analysis = analyzer.analyze("The Home Secretary announced an extra £21.5m investment in law "
                + "enforcement. The Home Office will be making £250,000 available to support new ideas. "
                + "A further £2.6 million was committed to prevention, and £1.2bn was invested nationally.",
                NOVEMBER_2018);
        // then
        assertThat(analysis.money()).extracting(MoneyMention::amount).usingElementComparator(BigDecimal::compareTo)
            .containsExactly(new BigDecimal("21500000"), new BigDecimal("250000"), new BigDecimal("2600000"),
                    new BigDecimal("1200000000"));
        assertThat(analysis.money()).extracting(MoneyMention::kind).containsOnly(MoneyKind.FUNDING);
    }

    @Test
    void tellsFinesAndCostsFromFunding() {
        // when
        Analysis analysis = analyzer.analyze("Ofcom can impose fines of up to £18 million. "
                + "Online abuse costs public services £1.2bn a year.", NOVEMBER_2018);
        // then
        assertThat(analysis.money()).extracting(MoneyMention::kind).containsExactly(MoneyKind.FINE, MoneyKind.COST);
        assertThat(analysis.money()).allMatch(m -> m.announcement() == null);
    }

    @Test
    void givesTheSameAnnouncementKeyToTheSameSumWrittenTwoWays() {
        // when
        Analysis analysis = analyzer.analyze("He announced £21.5m in funding. The £21,500,000 funding package "
                + "will expand the team.", NOVEMBER_2018);
        // then
        assertThat(analysis.money()).extracting(MoneyMention::announcement).doesNotContainNull()
            .containsOnly(analysis.money().get(0).announcement());
    }

    @Test
    void datesFullPartialAndRelativeDatesAgainstTheDocumentsOwnDate() {
        // when
        Analysis analysis = analyzer.analyze("In his 3 September 2018 speech the Home Secretary spoke. "
                + "Earlier this month, he co-hosted a hackathon. This winter we will publish a White Paper. "
                + "Spending in 2017/18 rose. The principles were launched in March 2020.", NOVEMBER_2018);
        // then
        assertThat(analysis.events()).extracting(DatedEvent::isoDate)
            .containsExactly("2018-09-03", "2018-11", "2018-WINTER", "2017", "2020-03");
        assertThat(analysis.events()).extracting(DatedEvent::precision)
            .containsExactly(DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.SEASON, DatePrecision.YEAR,
                    DatePrecision.MONTH);
        assertThat(analysis.events().get(0).event()).contains("speech");
    }

    @Test
    void aTaxonomyFileNamesTheFieldAtFault() {
        assertThatThrownBy(() -> Taxonomy.parse(new StringReader("relevance: {terms: [abuse]}\nthemes:\n  bad Key:\n"
                + "    terms: [x]\n")))
            .isInstanceOf(Taxonomy.TaxonomyException.class)
            .hasMessageContaining("bad Key");
        assertThatThrownBy(() -> Taxonomy.parse(new StringReader("relevance: {terms: [abuse]}\nthemes:\n  fraud:\n"
                + "    terms: []\n")))
            .hasMessageContaining("themes.fraud.terms");
    }

    @Test
    void aUsersTaxonomyCanAddATheme() {
        // given
        Taxonomy custom = Taxonomy.parse(new StringReader("""
                relevance: {terms: [child sexual abuse]}
                themes:
                  sextortion:
                    label: Sextortion
                    terms: [sextort*, {financially motivated sexual extortion: 2}]
                """));
        // when
        Analysis analysis = new Analyzer(custom).analyze("Sextortion is a growing form of child sexual abuse; "
                + "sextortionists target teenagers.", NOVEMBER_2018);
        // then
        assertThat(analysis.assignedThemes()).containsExactly("sextortion");
    }
}
