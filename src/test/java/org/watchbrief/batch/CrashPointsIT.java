package org.watchbrief.batch;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.batch.BriefingResult.Outcome;
import org.watchbrief.delivery.BriefingEmail;
import org.watchbrief.digest.Window;
import org.watchbrief.store.DigestRepository;
import org.watchbrief.support.CrashPoints;
import org.watchbrief.support.CrashPoints.Point;
import org.watchbrief.support.FreePorts;
import org.watchbrief.support.SampleInbox;
import org.watchbrief.support.TestWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that dies at each point where it can, and the run after it: nothing lost, nothing stored
 * twice, one digest with one valid pair of files and no temporary left, and each recipient one
 * email, except the one case email cannot rule out (the server accepted it, the process died
 * before recording that), where the repeat carries the same Message-ID. The deaths come from
 * {@link CrashPoints}, a seam of the test context only; each test briefs a window of its own.
 */
@SpringBootTest
@Import(CrashPoints.class)
class CrashPointsIT {

    static final int SMTP_PORT = FreePorts.next();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        SampleInbox.copyTo(work.resolve("inbox"));
        Path schedules = Files.createDirectories(work.resolve("schedules"));
        Files.writeString(schedules.resolve("team.yml"), """
                name: team
                cron: "0 0 7 * * MON"
                zone: Europe/London
                window: P7D
                recipients: [alice@example.org, bob@example.org]
                subject: "Briefing to {windowEnd}"
                """);
        TestWorkspace.register(registry, work);
        registry.add("watchbrief.schedules-dir", schedules::toString);
        registry.add("watchbrief.intake.chunk-size", () -> "5");
        registry.add("watchbrief.intake.settle-time", () -> "0s");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("watchbrief.delivery.smtp.tls", () -> "none");
    }

    @Autowired
    BriefingLauncher launcher;

    @Autowired
    DigestRepository digests;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void disarm() {
        CrashPoints.disarm();
    }

    private BriefingResult brief(String windowEnd) {
        return launcher.brief(new BriefingParameters("team",
                new Window(SampleInbox.FIRST_DAY, LocalDate.parse(windowEnd))));
    }

    /** The emails of a digest received by each recipient, as their Message-IDs. */
    private Map<String, List<String>> emailsOf(long digestId) throws MessagingException {
        String prefix = "<digest-" + digestId + ".";
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> messageId(m).startsWith(prefix))
            .collect(Collectors.groupingBy(CrashPointsIT::recipient, Collectors.mapping(CrashPointsIT::messageId,
                    Collectors.toList())));
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(RecipientType.TO)[0]).getAddress();
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aProcessorFailureMidStepKeepsTheCommittedChunksAndRestartStoresEveryDocumentOnce() throws Exception {
        // given: the sample inbox stored, then twelve new answers, five to a chunk, and the
        // process dies analysing the eighth
        BriefingResult first = brief("2026-11-01");
        String question = Files.readString(work.resolve("inbox/wq-01-social-media-grooming.txt"));
        for (int i = 1; i <= 12; i++) {
            Files.writeString(work.resolve("inbox/crash-" + (i < 10 ? "0" : "") + i + ".txt"),
                    question + "\nA further point on online grooming, number " + i + ".\n", StandardCharsets.UTF_8);
        }
        long alreadyStored = count("SELECT COUNT(*) FROM document WHERE source_key NOT LIKE 'crash-%'");
        CrashPoints.arm(Point.PROCESSING, 7);
        // when
        BriefingResult failed = brief("2026-11-02");
        long storedByTheFailedRun = count("SELECT COUNT(*) FROM document WHERE source_key LIKE 'crash-%'");
        BriefingResult restarted = brief("2026-11-02");
        // then
        assertThat(first.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.failedStep()).isEqualTo("intake");
        assertThat(failed.message()).contains("simulated crash at PROCESSING");
        assertThat(storedByTheFailedRun).as("the first chunk committed before the crash").isEqualTo(5);
        assertThat(restarted.outcome()).as(restarted.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(restarted.executionId()).as("resumed, not begun again").isNotEqualTo(failed.executionId());
        assertThat(jdbc.queryForList("SELECT source_key FROM document WHERE source_key LIKE 'crash-%' ORDER BY 1",
                String.class)).as("every document stored, once").hasSize(12).doesNotHaveDuplicates();
        assertThat(count("SELECT COUNT(*) FROM document WHERE source_key NOT LIKE 'crash-%'")).isEqualTo(alreadyStored);
        assertThat(count("SELECT COUNT(*) FROM digest WHERE window_end = DATE '2026-11-02'")).isEqualTo(1);
        assertThat(emailsOf(digests.find("team", LocalDate.parse("2026-11-02")).orElseThrow().id()))
            .containsOnlyKeys("alice@example.org", "bob@example.org")
            .allSatisfy((recipient, ids) -> assertThat(ids).hasSize(1));
    }

    @ParameterizedTest(name = "crash at {0} (after {1} passed)")
    @CsvSource({ "COMPOSED, 0, compose, 2026-10-21", "RENDERED, 0, render, 2026-10-22",
            "ENQUEUED, 0, deliver, 2026-10-23", "ATTEMPT_RECORDED, 0, deliver, 2026-10-24",
            "ACCEPTED, 0, deliver, 2026-10-25", "SENT, 0, deliver, 2026-10-26", "SENT, 1, deliver, 2026-10-27" })
    void aRunThatDiesAnywhereIsFinishedByTheNextWithOneDigestOnePairOfFilesAndOneEmailEach(Point point, int after,
            String step, String windowEnd) throws Exception {
        // given
        CrashPoints.arm(point, after);
        BriefingResult failed = brief(windowEnd);
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.failedStep()).isEqualTo(step);
        Path folder = work.resolve("reports/team").resolve(windowEnd);
        if (point == Point.RENDERED) {
            // what a process killed while writing a file leaves beside it
            Files.writeString(folder.resolve(".briefing.pdf8034450218837720913.tmp"), "%PDF-1.4 half a file");
        }
        // when
        BriefingResult restarted = brief(windowEnd);
        // then
        assertThat(restarted.outcome()).as(restarted.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM digest WHERE schedule_name = 'team' AND window_end = CAST(? AS DATE)",
                windowEnd)).isEqualTo(1);
        assertThat(names(folder)).as("one pair of files, no temporary").containsExactly("briefing.docx", "briefing.pdf");
        try (InputStream docx = Files.newInputStream(folder.resolve("briefing.docx"));
                XWPFDocument word = new XWPFDocument(docx)) {
            assertThat(word.getParagraphs()).isNotEmpty();
        }
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("briefing.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isPositive();
        }
        long digestId = digests.find("team", LocalDate.parse(windowEnd)).orElseThrow().id();
        Map<String, List<String>> emails = emailsOf(digestId);
        assertThat(emails).containsOnlyKeys("alice@example.org", "bob@example.org");
        assertThat(emails.get("bob@example.org")).containsExactly(BriefingEmail.messageId(digestId, "bob@example.org"));
        String alice = BriefingEmail.messageId(digestId, "alice@example.org");
        if (point == Point.ACCEPTED) {
            assertThat(emails.get("alice@example.org")).as("the one repeat email allows, recognisable by its Message-ID")
                .containsExactly(alice, alice);
        }
        else {
            assertThat(emails.get("alice@example.org")).containsExactly(alice);
        }
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE digest_id = ? AND status = 'SENT'", digestId)).isEqualTo(2);
    }
}
