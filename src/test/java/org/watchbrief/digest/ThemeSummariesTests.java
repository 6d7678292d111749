package org.watchbrief.digest;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThemeSummariesTests {

    private static final String ANSWER = """
            To ask the Secretary of State, what steps she is taking to tackle grooming on gaming platforms.

            The Government is committed to keeping children safe. The Home Office funds a wide range of work.
            Grooming is a priority offence under the Online Safety Act 2023, and platforms must reduce the risk \
            that adults groom children. Ofcom's codes say that children's profiles should not be suggested to \
            unknown adults. Police forces will share intelligence on livestreamed abuse with the NCA. \
            Ofcom will consult on proactive technology to detect grooming behaviour next spring.
            """;

    @Test
    void summarisesADocumentWithTheSentencesThatCarryTheThemeInTheirOrder() {
        // when
        String summary = ThemeSummaries.summarize(ANSWER, List.of("grooming", "groom children"), null);
        // then
        assertThat(summary).isEqualTo("Grooming is a priority offence under the Online Safety Act 2023, and platforms "
                + "must reduce the risk that adults groom children. Ofcom will consult on proactive technology to "
                + "detect grooming behaviour next spring.");
    }

    @Test
    void givesEachThemeItsOwnSentences() {
        // when
        String summary = ThemeSummaries.summarize(ANSWER, List.of("share intelligence", "livestreamed"), null);
        // then
        assertThat(summary).isEqualTo("Police forces will share intelligence on livestreamed abuse with the NCA.");
    }

    @Test
    void fallsBackToTheStoredSummaryWhenNoSentenceCarriesTheEvidence() {
        // when
        String summary = ThemeSummaries.summarize(ANSWER, List.of("webcam"), "The stored summary.");
        // then
        assertThat(summary).isEqualTo("The stored summary.");
    }

    @Test
    void cutsARunOnSentenceAtAWord() {
        // given
        String body = "Grooming " + "and more words ".repeat(60) + "end.";
        // when
        String summary = ThemeSummaries.summarize(body, List.of("grooming"), null);
        // then
        assertThat(summary).hasSizeLessThanOrEqualTo(ThemeSummaries.LONGEST_SENTENCE).endsWith("…");
    }
}
