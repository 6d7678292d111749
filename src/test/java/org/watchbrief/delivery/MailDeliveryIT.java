package org.watchbrief.delivery;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.batch.BriefingLauncher;
import org.watchbrief.batch.BriefingParameters;
import org.watchbrief.batch.BriefingResult;
import org.watchbrief.batch.BriefingResult.Outcome;
import org.watchbrief.cli.Cli;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.DigestJson;
import org.watchbrief.digest.Window;
import org.watchbrief.render.DigestText;
import org.watchbrief.schedule.BriefingTrigger;
import org.watchbrief.schedule.Schedule;
import org.watchbrief.schedule.Schedules;
import org.watchbrief.render.Formats;
import org.watchbrief.store.DigestRecord;
import org.watchbrief.store.DigestRepository;
import org.watchbrief.store.OutboxEntry;
import org.watchbrief.store.OutboxRepository;
import org.watchbrief.support.AfterSentHook;
import org.watchbrief.support.BothDatabases;
import org.watchbrief.support.Emails;
import org.watchbrief.support.FreePorts;
import org.watchbrief.support.SampleInbox;
import org.watchbrief.support.TestWorkspace;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The briefing job emailing a real SMTP server (GreenMail on 127.0.0.1, with a login), the
 * emails read back as a mail client would, and the outbox's promises tested where they break:
 * a server that is down, a run stopped or dying between two recipients, a resend.
 * Each test briefs a window of its own, so they do not depend on each other's order.
 */
@SpringBootTest
@BothDatabases
@Import(AfterSentHook.class)
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryIT {

    static final int SMTP_PORT = FreePorts.next();

    static final String CANARY = "canary-Pa55word-7f3c91e2";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withConfiguration(GreenMailConfiguration.aConfig().withUser("watchbrief", CANARY));

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        SampleInbox.copyTo(work.resolve("inbox"));
        Path schedules = Files.createDirectories(work.resolve("schedules"));
        Files.writeString(schedules.resolve("team.yml"), """
                name: team
                description: Weekly briefing for the policy team
                cron: "0 0 7 * * MON"
                zone: Europe/London
                window: P7D
                recipients: [alice@example.org, bob@example.org]
                subject: "Online child safety briefing, week to {windowEnd}"
                """);
        Files.writeString(schedules.resolve("home-office.yml"), """
                name: home-office
                description: Home Office briefing
                cron: "0 0 7 * * MON"
                zone: Europe/London
                window: P7D
                recipients: [alice@example.org]
                subject: "Home Office briefing to {windowEnd}"
                filters:
                  departments: [Home Office]
                  keywords:
                    exclude: [football]
                """);
        TestWorkspace.register(registry, work);
        registry.add("watchbrief.schedules-dir", schedules::toString);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.username", () -> "watchbrief");
        registry.add("spring.mail.password", () -> CANARY);
        registry.add("watchbrief.delivery.from", () -> "Policy Team Briefings <briefings@example.org>");
        registry.add("watchbrief.delivery.reply-to", () -> "policy-team@example.org");
        registry.add("watchbrief.delivery.smtp.tls", () -> "none");
        registry.add("watchbrief.delivery.smtp.connect-timeout", () -> "2s");
        registry.add("watchbrief.delivery.smtp.timeout", () -> "5s");
        registry.add("watchbrief.delivery.retry.max-retries", () -> 8);
        registry.add("watchbrief.delivery.retry.delay", () -> "200ms");
        registry.add("watchbrief.delivery.retry.multiplier", () -> 2);
        registry.add("watchbrief.delivery.retry.max-delay", () -> "1s");
    }

    @Autowired
    BriefingLauncher launcher;

    @Autowired
    DigestRepository digests;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    BriefingTrigger trigger;

    @Autowired
    Schedules schedules;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void removeHook() {
        AfterSentHook.reset();
    }

    private BriefingResult brief(String schedule, String windowEnd) {
        return launcher.brief(new BriefingParameters(schedule,
                new Window(SampleInbox.FIRST_DAY, LocalDate.parse(windowEnd))));
    }

    private DigestRecord digest(String schedule, String windowEnd) {
        return digests.find(schedule, LocalDate.parse(windowEnd)).orElseThrow();
    }

    private static List<String> recipientsOf(MimeMessage[] messages) throws Exception {
        return Arrays.stream(messages).map(m -> {
            try {
                return ((InternetAddress) m.getRecipients(RecipientType.TO)[0]).getAddress();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).sorted().toList();
    }

    private int cli(StringWriter out, StringWriter err, String... args) {
        CommandLine commandLine = Cli.commandLine(context::getBean);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void emailsEachRecipientTheSummaryAndBothFilesOnce() throws Exception {
        // when
        BriefingResult result = brief("team", "2026-11-20");
        // then
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(recipientsOf(received)).containsExactly("alice@example.org", "bob@example.org");
        DigestRecord record = digest("team", "2026-11-20");
        Digest digest = DigestJson.read(record.model());
        for (MimeMessage message : received) {
            String recipient = ((InternetAddress) message.getRecipients(RecipientType.TO)[0]).getAddress();
            assertThat(message.getSubject()).isEqualTo("Online child safety briefing, week to 2026-11-20");
            assertThat(message.getFrom()).extracting(a -> a.toString())
                .containsExactly("Policy Team Briefings <briefings@example.org>");
            assertThat(message.getReplyTo()).extracting(a -> a.toString()).containsExactly("policy-team@example.org");
            assertThat(message.getMessageID()).isEqualTo(BriefingEmail.messageId(record.id(), recipient));
            assertThat(Emails.structure(message)).isEqualTo("multipart/mixed [multipart/alternative [text/plain, "
                    + "text/html], application/vnd.openxmlformats-officedocument.wordprocessingml.document, "
                    + "application/pdf]");
            Emails email = Emails.read(message);
            List<String> summaryItems = Jsoup.parse(email.html()).select("li").eachText();
            assertThat(summaryItems).as("the summary's figures, readable without the attachments")
                .containsAll(DigestText.summaryLines(digest))
                .contains(DigestText.fundingSentence(digest))
                .anyMatch(item -> item.startsWith(Formats.pounds(digest.summary().fundingTotal()) + " of new funding"));
            assertThat(digest.summary().documents()).isPositive();
            assertThat(email.text()).contains(digest.summary().documents() + " new documents came in during this window.",
                    "The full briefing is attached as Word and PDF.");
            assertThat(email.attachments()).containsOnlyKeys("briefing.docx", "briefing.pdf");
            try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(email.attachments().get("briefing.docx")))) {
                assertThat(word.getParagraphs()).extracting(XWPFParagraph::getText)
                    .contains("Weekly briefing for the policy team", "Executive summary", "Funding");
            }
            try (PDDocument pdf = Loader.loadPDF(email.attachments().get("briefing.pdf"))) {
                assertThat(new PDFTextStripper().getText(pdf)).contains("Funding", "Timeline");
            }
        }
        assertThat(outbox.forDigest(record.id())).extracting(OutboxEntry::status, OutboxEntry::attempts)
            .containsOnly(org.assertj.core.groups.Tuple.tuple(OutboxEntry.Status.SENT, 1));
    }

    @Test
    void retriesWhileTheServerIsDownAndDeliversOnceItIsBack() throws Exception {
        // given: the server is down, and comes back once a send to it has failed (however long
        // intake, compose and render took before the first send)
        greenMail.stop();
        Thread comesBack = new Thread(() -> {
            try {
                long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < giveUp && context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("SELECT COALESCE(MAX(attempts), 0) FROM outbox WHERE status <> 'SENT'",
                            Integer.class) < 2) {
                    Thread.sleep(50);
                }
                greenMail.start();
                greenMail.setUser("watchbrief", "watchbrief", CANARY);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        comesBack.start();
        // when
        BriefingResult result = brief("team", "2026-11-19");
        comesBack.join();
        // then
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(recipientsOf(greenMail.getReceivedMessages())).containsExactly("alice@example.org",
                "bob@example.org");
        List<OutboxEntry> rows = outbox.forDigest(digest("team", "2026-11-19").id());
        assertThat(rows).allMatch(row -> row.status() == OutboxEntry.Status.SENT);
        assertThat(rows.get(0).attempts()).as("alice's send was retried until the server came back").isGreaterThan(1);
    }

    @Test
    void aRunStoppedBetweenTwoRecipientsSendsEachExactlyOneEmailWhenRestarted() throws Exception {
        // given: the run is asked to stop, as serve does on SIGTERM, once alice's email is sent
        Schedule team = schedules.get("team");
        Window window = new Window(SampleInbox.FIRST_DAY, LocalDate.parse("2026-11-18"));
        AfterSentHook.afterSent = recipient -> trigger.stopRunning();
        BriefingTrigger.Result stopped = trigger.brief(team, window);
        assertThat(stopped.outcome()).isEqualTo(BriefingTrigger.Outcome.STOPPED);
        assertThat(recipientsOf(greenMail.getReceivedMessages())).containsExactly("alice@example.org");
        AfterSentHook.reset();
        // when
        BriefingTrigger.Result restarted = trigger.brief(team, window);
        // then
        assertThat(restarted.outcome()).isEqualTo(BriefingTrigger.Outcome.BRIEFED);
        assertThat(recipientsOf(greenMail.getReceivedMessages())).containsExactly("alice@example.org",
                "bob@example.org");
    }

    @Test
    void aRunThatDiesBetweenTwoRecipientsSendsEachExactlyOneEmailWhenRestarted() throws Exception {
        // given: the run fails right after alice's email is sent and recorded
        AfterSentHook.afterSent = recipient -> {
            throw new IllegalStateException("the process died");
        };
        BriefingResult failed = brief("team", "2026-11-17");
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.failedStep()).isEqualTo("deliver");
        AfterSentHook.reset();
        // when
        BriefingResult restarted = brief("team", "2026-11-17");
        // then
        assertThat(restarted.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(recipientsOf(greenMail.getReceivedMessages())).containsExactly("alice@example.org",
                "bob@example.org");
        assertThat(outbox.forDigest(digest("team", "2026-11-17").id())).extracting(OutboxEntry::attempts)
            .containsExactly(1, 1);
    }

    @Test
    void thePasswordNeverAppearsInLogsOutputOrJobsEvenAtTraceLevel(CapturedOutput output) throws Exception {
        // given: every logger at its most verbose, Jakarta Mail's own included
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        // the test SMTP server's own log of what it receives is not Watchbrief's: keep it quiet
        Logger testServer = (Logger) LoggerFactory.getLogger("com.icegreen");
        Level testServerLevel = testServer.getLevel();
        testServer.setLevel(Level.WARN);
        java.util.logging.Logger mailLogger = java.util.logging.Logger.getLogger("org.eclipse.angus.mail");
        java.util.logging.Level mailLevel = mailLogger.getLevel();
        root.setLevel(Level.TRACE);
        mailLogger.setLevel(java.util.logging.Level.FINEST);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            // when: a run that logs in, a resend, a run whose login the server refuses, and jobs
            assertThat(brief("team", "2026-11-16").outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(cli(out, err, "resend", "team/2026-11-16", "--to", "carol@example.org")).isZero();
            greenMail.getUserManager().getUserByEmail("watchbrief").setPassword("changed-on-the-server");
            BriefingResult refused = brief("team", "2026-11-15");
            // then
            assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(refused.message()).contains("the SMTP server refused the login");
            assertThat(cli(out, err, "jobs")).isZero();
            assertThat(cli(out, err, "jobs", "--json")).isZero();
            assertThat(out.toString()).as("jobs shows the failed run's cause").contains("refused the login");
        }
        finally {
            root.setLevel(rootLevel);
            testServer.setLevel(testServerLevel);
            mailLogger.setLevel(mailLevel);
        }
        String everything = output.getAll() + out + err;
        assertThat(everything).as("the log was verbose").contains("DEBUG").contains("AUTH");
        for (String secret : List.of(CANARY, base64(CANARY), base64("\0watchbrief\0" + CANARY))) {
            assertThat(everything).doesNotContain(secret);
        }
        assertThat(recipientsOf(greenMail.getReceivedMessages())).containsExactly("alice@example.org",
                "bob@example.org", "carol@example.org");
    }

    @Test
    void resendSendsEveryoneANewCopyWithAMessageIdOfItsOwnAndCanAddAnAddress() throws Exception {
        // given
        assertThat(brief("team", "2026-11-14").outcome()).isEqualTo(Outcome.COMPLETED);
        long id = digest("team", "2026-11-14").id();
        greenMail.purgeEmailFromAllMailboxes();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // when
        int everyone = cli(out, err, "resend", "team/2026-11-14");
        int carol = cli(out, err, "resend", work.resolve("reports/team/2026-11-14/briefing.pdf").toString(), "--to",
                "carol@example.org");
        // then
        assertThat(everyone).isZero();
        assertThat(carol).isZero();
        assertThat(out.toString()).contains("Resent the team briefing for 1 September 2026 to 14 November 2026 (digest "
                + id + ")", "sent to alice@example.org: smtp://127.0.0.1:" + SMTP_PORT, "sent to carol@example.org");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(recipientsOf(received)).containsExactly("alice@example.org", "bob@example.org", "carol@example.org");
        assertThat(Arrays.stream(received).map(m -> {
            try {
                return m.getMessageID();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        })).containsExactlyInAnyOrder(BriefingEmail.messageId(id, "alice@example.org", 1),
                BriefingEmail.messageId(id, "bob@example.org", 1), BriefingEmail.messageId(id, "carol@example.org"));
        assertThat(outbox.forDigest(id)).extracting(OutboxEntry::recipient, OutboxEntry::resends)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("alice@example.org", 1),
                    org.assertj.core.groups.Tuple.tuple("bob@example.org", 1),
                    org.assertj.core.groups.Tuple.tuple("carol@example.org", 0));
    }

    @Test
    void aResendToAnAddressCarryingAHeaderIsRefusedAndSendsNothing() throws Exception {
        // given
        assertThat(brief("team", "2026-11-13").outcome()).isEqualTo(Outcome.COMPLETED);
        greenMail.purgeEmailFromAllMailboxes();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // when
        int exit = cli(out, err, "resend", "team/2026-11-13", "--to", "carol@example.org\r\nBcc: eve@example.org");
        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--to: 'carol@example.org\\r\\nBcc: eve@example.org' holds a line break");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aScheduleFilteredToADepartmentBriefsOnlyItsDocumentsAndSaysSo() throws Exception {
        // when
        BriefingResult filtered = brief("home-office", "2026-11-20");
        // then
        assertThat(filtered.outcome()).isEqualTo(Outcome.COMPLETED);
        Digest digest = DigestJson.read(digest("home-office", "2026-11-20").model());
        List<Digest.DocumentEntry> entries = digest.sections().stream().flatMap(s -> s.documents().stream()).toList();
        assertThat(entries).isNotEmpty().allMatch(entry -> "Home Office".equals(entry.department()));
        assertThat(digest.summary().documents()).isLessThan(11);
        Emails email = Emails.read(greenMail.getReceivedMessages()[0]);
        assertThat(email.text()).contains("Covers only documents from Home Office; not mentioning football.");
        assertThat(Jsoup.parse(email.html()).text()).contains("Covers only documents from Home Office");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
