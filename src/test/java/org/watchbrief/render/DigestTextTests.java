package org.watchbrief.render;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.Digest.DocumentEntry;
import org.watchbrief.digest.Digest.Ref;
import org.watchbrief.support.Digests;

import static org.assertj.core.api.Assertions.assertThat;

class DigestTextTests {

    private static DocumentEntry answer(String answeredBy, String role, LocalDate corrected, boolean holding) {
        return new DocumentEntry(new Ref(1, "Online Safety: Children", "https://example.org/1"), "Written question",
                LocalDate.of(2026, 11, 6), "Home Office", answeredBy, role, corrected, holding, "Summary.",
                List.of("grooming"), null);
    }

    @Test
    void describesADocumentWithWhoAnsweredInWhatRoleAndWhetherTheAnswerIsFinal() {
        assertThat(DigestText.documentLine(answer("Jess Phillips", "Parliamentary Under-Secretary (Home Office)",
                LocalDate.of(2026, 11, 18), true)))
            .isEqualTo("Written question · 6 November 2026 · Home Office · answered by Jess Phillips "
                    + "(Parliamentary Under-Secretary (Home Office)) · holding answer, a full answer to follow · "
                    + "corrected 18 November 2026");
        assertThat(DigestText.documentLine(answer("Home Office", null, null, false)))
            .as("an answering body that is the department is not said twice")
            .isEqualTo("Written question · 6 November 2026 · Home Office");
    }

    @Test
    void theEmailSaysWhatTheExecutiveSummarySays() {
        // given
        Digest digest = Digests.aDigest().build();
        // when
        List<String> email = DigestText.emailLines(digest);
        // then
        assertThat(email).startsWith("Weekly briefing for managers", "Window: 2 November 2026 to 8 November 2026", "")
            .containsSubsequence("5 new documents came in during this window.", "Grooming: 3 new documents",
                    "- Charities welcome £30m fund to stop online grooming (News story, 8 November 2026)",
                    "£15.5m of new funding in 2 announcements, up £13.5m on the previous window (£2m).", "Coming up:",
                    "- 6 January 2027: Flickcast’s deadline for a new risk assessment",
                    "The full briefing is attached as Word and PDF.");
    }

    @Test
    void aDigestWithFiltersSaysWhatItCovers() {
        // given
        Digest digest = Digests.aDigest().scope("from Home Office; mentioning encryption").build();
        // when / then
        assertThat(DigestText.scope(digest)).isEqualTo("Covers only documents from Home Office; mentioning encryption.");
        assertThat(DigestText.scope(Digests.aDigest().build())).isNull();
    }
}
