package org.watchbrief.intake;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each layout's metadata, from documents written in the layouts of ../shared/seeds. */
class MetadataParserTests {

    private final MetadataParser parser = new MetadataParser();

    @Test
    void readsAParallelParliamentWrittenQuestion() {
        // when
        ParsedDocument parsed = parser.parse("""
                Online Safety: Children

                (asked on 2nd November 2026) - View Source

                Question to the Home Office:

                To ask the Secretary of State for the Home Department, what steps she is taking on grooming.


                Answered by
                Alex Newman Portrait
                Alex Newman
                Parliamentary Under-Secretary (Home Office)
                This question was answered on 21st November 2026

                The Home Office is working with platforms.

                A second paragraph.
                """);
        // then
        DocumentMetadata m = parsed.metadata();
        assertThat(m.type()).isEqualTo(DocumentType.WRITTEN_QUESTION);
        assertThat(m.title()).isEqualTo("Online Safety: Children");
        assertThat(m.department()).isEqualTo("Home Office");
        assertThat(m.asked()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(m.answered()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(m.published()).isEqualTo(m.answered());
        assertThat(m.answeredBy()).isEqualTo("Alex Newman");
        assertThat(m.uin()).as("this layout carries no UIN").isNull();
        assertThat(parsed.body()).startsWith("To ask the Secretary of State")
            .contains("The Home Office is working with platforms.\n\nA second paragraph.")
            .doesNotContain("Answered by", "Portrait");
    }

    @Test
    void readsAQuestionsStatementsWrittenQuestion() {
        // when
        ParsedDocument parsed = parser.parse("""
                Skip to main content

                Internet: Child Protection

                Question for Home Office

                UIN 212345, tabled on 29 October 2026

                To ask the Secretary of State for the Home Department, what assessment she has made.

                Answered on

                6 November 2026

                The Home Office funds the National Crime Agency.

                Answered by

                Home Office
                """);
        // then
        DocumentMetadata m = parsed.metadata();
        assertThat(m.title()).isEqualTo("Internet: Child Protection");
        assertThat(m.department()).isEqualTo("Home Office");
        assertThat(m.uin()).isEqualTo("212345");
        assertThat(m.asked()).isEqualTo(LocalDate.of(2026, 10, 29));
        assertThat(m.answered()).isEqualTo(LocalDate.of(2026, 11, 6));
        assertThat(m.answeredBy()).isEqualTo("Home Office");
        assertThat(parsed.body()).contains("what assessment", "funds the National Crime Agency")
            .doesNotContain("Skip to main content", "Answered by");
    }

    @Test
    void readsAGovUkPageAndLeavesWhatItDoesNotSayNull() {
        // when
        ParsedDocument parsed = parser.parse("""
                £4 million for detection tools

                Press release

                From: Department for Science, Innovation and Technology

                Published 14 October 2026

                Smaller platforms will get free access to detection tools.
                """);
        // then
        DocumentMetadata m = parsed.metadata();
        assertThat(m.type()).isEqualTo(DocumentType.PRESS_RELEASE);
        assertThat(m.title()).isEqualTo("£4 million for detection tools");
        assertThat(m.department()).isEqualTo("Department for Science, Innovation and Technology");
        assertThat(m.published()).isEqualTo(LocalDate.of(2026, 10, 14));
        assertThat(m.asked()).isNull();
        assertThat(m.answered()).isNull();
        assertThat(m.answeredBy()).isNull();
        assertThat(m.uin()).isNull();
        assertThat(parsed.body()).isEqualTo("Smaller platforms will get free access to detection tools.");
    }

    @Test
    void readsANewsArticleWithoutInventingADate() {
        // when
        ParsedDocument parsed = parser.parse("""
                Ministers warn platforms over grooming

                - Advertisement -

                Ministers have warned platforms.

                - Advertisement -
                """);
        // then
        assertThat(parsed.metadata().type()).isEqualTo(DocumentType.OTHER);
        assertThat(parsed.metadata().title()).isEqualTo("Ministers warn platforms over grooming");
        assertThat(parsed.metadata().published()).isNull();
        assertThat(parsed.body()).isEqualTo("Ministers have warned platforms.");
    }
}
