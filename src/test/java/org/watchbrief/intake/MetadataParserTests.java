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

    @Test
    void readsATheyWorkForYouAnswerWithTheRoleHeldWhenAnswering() {
        // when
        ParsedDocument parsed = parser.parse("""
                Internet: Child Protection

                Home Office written question – answered on 4th November 2026.

                Photo of Sam Asker Sam Asker Shadow Minister (Home Office)

                To ask the Secretary of State for the Home Department, what steps she is taking on grooming.

                Photo of Jo Minister Jo Minister Minister of State (Home Office) (Safeguarding)

                The Home Office funds the Child Abuse Image Database.
                """);
        // then
        DocumentMetadata m = parsed.metadata();
        assertThat(m.type()).isEqualTo(DocumentType.WRITTEN_QUESTION);
        assertThat(m.title()).isEqualTo("Internet: Child Protection");
        assertThat(m.department()).isEqualTo("Home Office");
        assertThat(m.answered()).isEqualTo(LocalDate.of(2026, 11, 4));
        assertThat(m.published()).isEqualTo(m.answered());
        assertThat(m.answeredBy()).isEqualTo("Jo Minister");
        assertThat(m.answeredByRole()).isEqualTo("Minister of State (Home Office) (Safeguarding)");
        assertThat(m.asked()).as("the layout does not say when it was tabled").isNull();
        assertThat(parsed.body()).contains("what steps she is taking", "funds the Child Abuse Image Database")
            .doesNotContain("Photo of");
    }

    @Test
    void doesNotTakeParallelParliamentsCurrentRoleForTheRoleHeldWhenAnswering() {
        // when: the role printed under the name is the member's role today
        ParsedDocument parsed = parser.parse("""
                Online Safety: Children

                (asked on 2nd November 2026) - View Source

                Question to the Home Office:

                To ask the Secretary of State for the Home Department, what steps she is taking on grooming.


                Answered by
                Alex Newman Portrait
                Alex Newman
                Secretary of State for Transport
                This question was answered on 21st November 2026

                The Home Office is working with platforms.
                """);
        // then
        assertThat(parsed.metadata().answeredBy()).isEqualTo("Alex Newman");
        assertThat(parsed.metadata().answeredByRole()).isNull();
    }

    @Test
    void readsAParallelParliamentQuestionCopiedWithoutItsHeader() {
        // when
        ParsedDocument parsed = parser.parse("""
                Question to the Ministry of Justice:
                To ask the Secretary of State for Justice, how many people were convicted of grooming.
                In 2025, 512 people were convicted.
                """);
        // then
        assertThat(parsed.metadata().type()).isEqualTo(DocumentType.WRITTEN_QUESTION);
        assertThat(parsed.metadata().department()).isEqualTo("Ministry of Justice");
        assertThat(parsed.metadata().title()).as("the question is no title").isNull();
        assertThat(parsed.metadata().answered()).isNull();
        assertThat(parsed.body()).contains("how many people", "512 people were convicted");
    }

    @Test
    void readsAHansardStatementAndTellsItFromADebate() {
        // when
        ParsedDocument statement = parser.parse("""
                Online Safety: Livestreaming

                Volume 780: debated on Tuesday 10 November 2026

                I wish to inform the House that the Government will consult on livestreaming.
                """);
        ParsedDocument debate = parser.parse("""
                Online Child Abuse

                Volume 781: debated on Wednesday 11 November 2026

                I beg to move,

                That this House has considered online child abuse.
                """);
        // then
        assertThat(statement.metadata().type()).isEqualTo(DocumentType.STATEMENT);
        assertThat(statement.metadata().title()).isEqualTo("Online Safety: Livestreaming");
        assertThat(statement.metadata().published()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(statement.metadata().answered()).isNull();
        assertThat(statement.body()).startsWith("I wish to inform the House");
        assertThat(debate.metadata().type()).isEqualTo(DocumentType.OTHER);
        assertThat(debate.metadata().published()).isEqualTo(LocalDate.of(2026, 11, 11));
    }

    @Test
    void readsWrittenAnswersInHansardWithTheirUin() {
        // when
        ParsedDocument parsed = parser.parse("""
                Offences Against Children: Internet

                Volume 770: debated on Monday 2 November 2026

                To ask the Secretary of State for the Home Department what steps she is taking to block abuse images. (123456)

                The Government supports blocking.
                """);
        // then
        assertThat(parsed.metadata().type()).isEqualTo(DocumentType.WRITTEN_QUESTION);
        assertThat(parsed.metadata().uin()).isEqualTo("123456");
        assertThat(parsed.metadata().answered()).isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void readsHistoricHansardsGluedSpeakerNames() {
        // when
        ParsedDocument parsed = parser.parse("""
                § Ann AskerTo ask the Secretary of State for the Home Department what action she is taking on grooming. [654321]
                § Bob McMinisterI have been asked to reply.
                The Government funds specialist police teams.
                """);
        // then
        assertThat(parsed.metadata().type()).isEqualTo(DocumentType.WRITTEN_QUESTION);
        assertThat(parsed.metadata().uin()).isEqualTo("654321");
        assertThat(parsed.metadata().answeredBy()).isEqualTo("Bob McMinister");
        assertThat(parsed.body()).contains("To ask the Secretary", "I have been asked to reply").doesNotContain("§");
    }

    @Test
    void readsAGovUkPageWhoseFormatLineComesFirstAndWhoseDateIsInTheLead() {
        // when
        ParsedDocument parsed = parser.parse("""
                Press release

                New offence of sharing grooming manuals comes into force

                The offence comes into force today (2 November 2026).

                Offenders face up to 5 years in prison.
                """);
        // then
        assertThat(parsed.metadata().type()).isEqualTo(DocumentType.PRESS_RELEASE);
        assertThat(parsed.metadata().title()).isEqualTo("New offence of sharing grooming manuals comes into force");
        assertThat(parsed.metadata().published()).isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void doesNotTakeAnUpdatedDateForThePublicationDate() {
        // when
        ParsedDocument parsed = parser.parse("""
                Policy paper

                Tackling child sexual abuse strategy (HTML)

                Updated 3 November 2026

                1. Introduction
                """);
        // then
        assertThat(parsed.metadata().type()).isEqualTo(DocumentType.OTHER);
        assertThat(parsed.metadata().title()).isEqualTo("Tackling child sexual abuse strategy");
        assertThat(parsed.metadata().published()).isNull();
    }

    @Test
    void takesNoSentenceForATitleAndReadsADateLineOnTop() {
        // when
        ParsedDocument parsed = parser.parse("""
                05 Nov 2026
                The police chiefs' council has welcomed £20 million for undercover officers.
                More officers will be trained.
                """);
        // then
        assertThat(parsed.metadata().title()).isNull();
        assertThat(parsed.metadata().published()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(parsed.body()).startsWith("The police chiefs' council has welcomed £20 million");
    }
}
