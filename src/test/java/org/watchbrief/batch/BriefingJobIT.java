package org.watchbrief.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.batch.BriefingResult.Outcome;
import org.watchbrief.digest.Window;
import org.watchbrief.support.BothDatabases;
import org.watchbrief.support.Digests.WordDigest;
import org.watchbrief.support.Digests;
import org.watchbrief.support.SampleInbox;
import org.watchbrief.support.TestWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The briefing job end to end on the project's sample inbox, with a real H2 file database, and
 * the digests reopened the way a manager's software would.
 */
@SpringBootTest
@BothDatabases
class BriefingJobIT {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        SampleInbox.copyTo(work.resolve("inbox"));
        TestWorkspace.register(registry, work);
    }

    @Autowired
    BriefingLauncher launcher;

    @Autowired
    JdbcTemplate jdbc;

    private static final Window SAMPLE_WINDOW = new Window(SampleInbox.FIRST_DAY, SampleInbox.LAST_DAY);

    private BriefingResult briefSampleWindowOnce() {
        return launcher.brief(new BriefingParameters("weekly", SAMPLE_WINDOW));
    }

    @Test
    void writesAWordDigestWithAHeadingPerThemeAndTheRightDocumentsUnderEach() throws Exception {
        // when
        BriefingResult result = briefSampleWindowOnce();
        // then
        Path docx = work.resolve("reports/weekly/2026-11-20/briefing.docx");
        assertThat(result.outcome()).isIn(Outcome.COMPLETED, Outcome.ALREADY_BRIEFED);
        WordDigest word = Digests.readWord(docx);
        assertThat(word.headingTexts(1)).containsSubsequence("Executive summary", "Grooming", "Livestreaming",
                "Data sharing", "Legislation", "Funding", "Timeline", "Sources");
        assertThat(word.documentsUnder("Grooming")).contains("Social Media: Grooming")
            .doesNotContain("Internet: Livestreaming");
        assertThat(word.documentsUnder("Livestreaming")).contains("Internet: Livestreaming")
            .doesNotContain("Social Media: Grooming");
        assertThat(word.documentsUnder("Data sharing")).contains("Child Sexual Abuse: Databases");
        assertThat(word.headingTexts(2)).as("documents that only share words with a theme")
            .noneMatch(title -> title.startsWith("Football") || title.toLowerCase().contains("dog"));
    }

    @Test
    void countsTheSumTwoDocumentsReportOnceInTheFundingTotal() throws Exception {
        // when
        briefSampleWindowOnce();
        // then
        WordDigest word = Digests.readWord(work.resolve("reports/weekly/2026-11-20/briefing.docx"));
        List<List<String>> funding = word.tableAfter("Announcements");
        assertThat(funding.get(0)).containsExactly("Amount", "Purpose", "Who", "First reported", "Reported by");
        List<List<String>> twelveAndAHalf = funding.stream().filter(row -> row.get(0).equals("£12.5m")).toList();
        assertThat(twelveAndAHalf).as("the £12.5m reported by a press release and a written answer").hasSize(1);
        assertThat(twelveAndAHalf.get(0).get(4)).contains("£12.5 million to expand undercover policing")
            .contains("Child Sexual Abuse: Internet");
        java.math.BigDecimal sumOfLines = funding.stream().skip(1)
            .filter(row -> !row.get(3).contains("not counted"))
            .map(row -> pounds(row.get(0)))
            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        Matcher total = Pattern.compile("Total: (£[\\d.,]+(?:m|bn)?)").matcher(word.text());
        assertThat(total.find()).isTrue();
        assertThat(pounds(total.group(1))).isEqualByComparingTo(sumOfLines);
    }

    @Test
    void listsTheTimelineInDateOrder() throws Exception {
        // when
        briefSampleWindowOnce();
        // then
        WordDigest word = Digests.readWord(work.resolve("reports/weekly/2026-11-20/briefing.docx"));
        List<List<String>> timeline = word.tableAfter("Timeline");
        assertThat(timeline.get(0)).containsExactly("When", "Event", "Sources");
        List<String> dates = timeline.stream().skip(1).map(row -> row.get(0)).toList();
        assertThat(dates).hasSizeGreaterThan(5);
        assertThat(dates.stream().map(BriefingJobIT::firstDay).toList()).isSorted();
    }

    @Test
    void writesAPdfWithThePoundSignAndEverySection() throws Exception {
        // when
        briefSampleWindowOnce();
        // then
        String pdf = Digests.readPdfText(work.resolve("reports/weekly/2026-11-20/briefing.pdf"));
        assertThat(pdf).contains("Executive summary", "Grooming", "Livestreaming", "Data sharing", "Legislation",
                "Funding", "Timeline", "£12.5m", "All themes, each announcement once £");
    }

    @Test
    void writesOneEmailPerRecipientBesideTheDigest() throws Exception {
        // when
        briefSampleWindowOnce();
        // then
        Path eml = work.resolve("reports/weekly/2026-11-20/email-managers@example.org.eml");
        String email = Files.readString(eml);
        assertThat(email).contains("To: managers@example.org", "Message-ID: <digest-",
                "filename=briefing.docx", "filename=briefing.pdf");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM outbox o JOIN digest d ON d.id = o.digest_id
                WHERE o.status = 'SENT' AND d.window_end = DATE '2026-11-20'
                """, Integer.class)).isEqualTo(1);
    }

    @Test
    void aSecondRunOfTheSameWindowDoesNothingAndSaysSo() {
        // given
        briefSampleWindowOnce();
        int executions = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class);
        // when
        BriefingResult again = briefSampleWindowOnce();
        // then
        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_BRIEFED);
        assertThat(again.message()).contains("already briefed");
        assertThat(again.files()).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class))
            .isEqualTo(executions);
    }

    @Test
    void theNextRunReadsOnlyADocumentDroppedIntoTheInboxSince() throws Exception {
        // given
        briefSampleWindowOnce();
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM document", Long.class);
        Files.writeString(work.resolve("inbox/wq-99-new.txt"), """
                Online Safety: Grooming

                (asked on 2nd November 2026) - View Source

                Question to the Home Office:

                To ask the Secretary of State for the Home Department, what steps she is taking to tackle the \
                grooming of children on gaming platforms.


                Answered by
                Alex Newman Portrait
                Alex Newman
                Parliamentary Under-Secretary (Home Office)
                This question was answered on 21st November 2026

                The Home Office is working with gaming companies to detect grooming and child sexual abuse.
                """);
        // when
        BriefingResult next = launcher.brief(new BriefingParameters("weekly",
                new Window(LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 21))));
        // then
        assertThat(next.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(next.read()).isEqualTo(1);
        assertThat(next.written()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document", Long.class)).isEqualTo(stored + 1);
    }

    private static java.math.BigDecimal pounds(String text) {
        String digits = text.replace("£", "").replace(",", "");
        java.math.BigDecimal multiplier = java.math.BigDecimal.ONE;
        if (digits.endsWith("bn")) {
            multiplier = java.math.BigDecimal.valueOf(1_000_000_000);
            digits = digits.substring(0, digits.length() - 2);
        }
        else if (digits.endsWith("m")) {
            multiplier = java.math.BigDecimal.valueOf(1_000_000);
            digits = digits.substring(0, digits.length() - 1);
        }
        return new java.math.BigDecimal(digits).multiply(multiplier);
    }

    /**
     * A date as the digest shows it at its precision ("3 September 2018", "March 2020", "Winter
     * 2026–27", "January–March 2027", "2027") to its first day, for ordering.
     */
    private static LocalDate firstDay(String when) {
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu",
                java.util.Locale.UK);
        java.time.format.DateTimeFormatter month = java.time.format.DateTimeFormatter.ofPattern("MMMM uuuu",
                java.util.Locale.UK);
        if (when.matches("\\d{1,2} \\p{L}+ \\d{4}")) {
            return LocalDate.parse(when, day);
        }
        if (when.matches("\\p{L}+ \\d{4}") && !when.matches("(Spring|Summer|Autumn) \\d{4}")) {
            return java.time.YearMonth.parse(when, month).atDay(1);
        }
        if (when.matches("\\p{L}+–\\p{L}+ \\d{4}")) {
            return java.time.YearMonth.parse(when.substring(0, when.indexOf('–')) + when.substring(when.indexOf(' ')),
                    month).atDay(1);
        }
        if (when.matches("(Spring|Summer|Autumn|Winter) \\d{4}.*")) {
            int first = switch (when.substring(0, when.indexOf(' '))) {
                case "Spring" -> 3;
                case "Summer" -> 6;
                case "Autumn" -> 9;
                default -> 12;
            };
            return LocalDate.of(Integer.parseInt(when.substring(when.indexOf(' ') + 1, when.indexOf(' ') + 5)),
                    first, 1);
        }
        return LocalDate.of(Integer.parseInt(when), 1, 1);
    }
}
