package org.watchbrief.analysis;

import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchbrief.intake.Taxonomies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Relevance and themes on the built-in taxonomy, with sentences written for these tests. */
class ThemeClassifierTests {

    private static final LocalDate JUNE_2025 = LocalDate.of(2025, 6, 10);

    private final Analyzer analyzer = new Analyzer(Taxonomies.load(null));

    private Analysis analyze(String text) {
        return analyzer.analyze(text, JUNE_2025);
    }

    private static ThemeScore theme(Analysis analysis, String key) {
        return analysis.themes().stream().filter(t -> t.theme().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void putsADocumentUnderEveryThemeItIsAbout() {
        // when
        Analysis analysis = analyze("""
                Police warned that groomers contact children through games and then move them to private chats.
                Offenders also pay to watch the abuse of children streamed live from abroad over webcams.
                Platforms will share intelligence and hashes of known images with the National Crime Agency.
                The regulator will enforce new statutory duties once the legislation passes through Parliament.
                Ministers said the Bill would give Ofcom the powers it needs.
                Companies agreed to share data with police when they find a child at risk.
                """);
        // then
        assertThat(analysis.relevant()).isTrue();
        assertThat(analysis.assignedThemes()).containsExactly("grooming", "livestreaming", "data_sharing",
                "legislation");
        assertThat(analysis.themes()).allSatisfy(t -> assertThat(t.score()).isBetween(0.5, 1.0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Three groomers were jailed for abusing children they met online.",
            "He groomed the child over several months before police intervened in the abuse.",
            "Online grooming of children is rising, the charity said of the child abuse figures." })
    void recognisesGroomingWhateverTheWordsInflection(String sentence) {
        // when
        Analysis analysis = analyze(sentence);
        // then
        assertThat(analysis.assignedThemes()).contains("grooming");
    }

    @ParameterizedTest
    @ValueSource(strings = { "The abuse of children was live-streamed to paying viewers.",
            "Livestreaming of child sexual abuse is a growing threat.",
            "Viewers paid to watch live streaming of the sexual abuse of children." })
    void recognisesLivestreamingWrittenWholeOrSplit(String sentence) {
        // when
        Analysis analysis = analyze(sentence);
        // then
        assertThat(analysis.assignedThemes()).contains("livestreaming");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The club will offer live streaming of every home match this season, and live-streamed highlights.",
            "Dog grooming salons will need a licence, and groomers must complete training courses.",
            "NHS trusts will improve data sharing so that patient records follow people between hospitals. "
                    + "Data protection rules will be updated.",
            "New legislation on road safety will raise fines for speeding; the Bill will be debated next month." })
    void leavesOutADocumentThatSharesWordsButNotTheSubject(String text) {
        // when
        Analysis analysis = analyze(text);
        // then
        assertThat(analysis.relevant()).isFalse();
        assertThat(analysis.assignedThemes()).isEmpty();
    }

    @Test
    void givesThePhraseAndTheSentenceThatShowATheme() {
        // when
        Analysis analysis = analyze("The NSPCC welcomed the figures. Predators groomed hundreds of children on one "
                + "app last year.");
        // then
        assertThat(theme(analysis, "grooming").evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.phrase()).isEqualTo("groomed");
            assertThat(evidence.sentence()).isEqualTo("Predators groomed hundreds of children on one app last year.");
        });
    }

    @Test
    void streamingOfAnotherKindOfCrimeIsNotLivestreamingOfAbuse() {
        // when
        Analysis analysis = analyze("Child sexual abuse online remains a priority for the police. Separately, "
                + "extremists have live-streamed their attacks on social media.");
        // then
        assertThat(analysis.relevant()).isTrue();
        assertThat(analysis.assignedThemes()).doesNotContain("livestreaming");
    }

    @Test
    void aPassingMentionOfSharingDoesNotMakeADataSharingDocument() {
        // when
        Analysis analysis = analyze("Pupils will learn how to stay safe from child sexual abuse online, including "
                + "how their data is shared by apps.");
        // then
        assertThat(theme(analysis, "data_sharing").score()).isPositive();
        assertThat(analysis.assignedThemes()).doesNotContain("data_sharing");
    }

    @Test
    void aUsersTaxonomyCanReplaceAThemesTermsAndAddATheme() {
        // given
        Taxonomy custom = Taxonomy.parse(new StringReader("""
                relevance: {terms: [child sexual abuse]}
                themes:
                  grooming:
                    label: Grooming
                    terms: [{enticement: 2}]
                  sextortion:
                    label: Sextortion
                    threshold: 0.6
                    terms: [sextort*, {financially motivated ~2 extortion: 2}]
                """));
        // when
        Analysis analysis = new Analyzer(custom).analyze("Enticement of minors and sextortion are forms of child "
                + "sexual abuse; financially motivated sexual extortion is rising.", JUNE_2025);
        // then
        assertThat(analysis.assignedThemes()).containsExactly("grooming", "sextortion");
        assertThat(custom.theme("sextortion").label()).isEqualTo("Sextortion");
    }

    @Test
    void aTaxonomyWithABadTermOrFieldNamesIt() {
        assertThatThrownBy(() -> Taxonomy.parse(new StringReader("relevance: {terms: [abuse]}\nthemes:\n  x:\n"
                + "    terms: [\"~2 data\"]\n")))
            .isInstanceOf(Taxonomy.TaxonomyException.class)
            .hasMessageContaining("themes.x.terms")
            .hasMessageContaining("gap");
        assertThatThrownBy(() -> Taxonomy.parse(new StringReader("relevance: {terms: [abuse]}\nthemes:\n  x:\n"
                + "    minimum-sentences: 0\n    terms: [data]\n")))
            .hasMessageContaining("themes.x.minimum-sentences");
        assertThatThrownBy(() -> Taxonomy.parse(new StringReader("relevance: {terms: [abuse]}\nthemes:\n  x:\n"
                + "    threshold: 1.5\n    terms: [data]\n")))
            .hasMessageContaining("themes.x.threshold");
    }
}
