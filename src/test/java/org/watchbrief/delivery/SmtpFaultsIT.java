package org.watchbrief.delivery;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.batch.BriefingLauncher;
import org.watchbrief.batch.BriefingParameters;
import org.watchbrief.batch.BriefingResult;
import org.watchbrief.batch.BriefingResult.Outcome;
import org.watchbrief.cli.Cli;
import org.watchbrief.cli.ExitCodes;
import org.watchbrief.digest.Window;
import org.watchbrief.store.DigestRepository;
import org.watchbrief.store.OutboxEntry;
import org.watchbrief.store.OutboxRepository;
import org.watchbrief.support.SampleInbox;
import org.watchbrief.support.ScriptedSmtpServer;
import org.watchbrief.support.TestWorkspace;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SMTP server that says "try again later" or refuses the login, scripted reply by reply on
 * 127.0.0.1: a greylisted email is delivered once when the server takes it, a login refused for
 * good fails the run with exit code 1 and a message saying what to check without trying it again,
 * and one refused for now is tried again: delivered when the server lets it in, reported failed
 * with exit code 1 after the retries when it never does.
 */
@SpringBootTest
class SmtpFaultsIT {

    static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

    static final String PASSWORD = "canary-Smtp-Pa55-e81f";

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
                recipients: [alice@example.org]
                subject: "Briefing to {windowEnd}"
                """);
        TestWorkspace.register(registry, work);
        registry.add("watchbrief.schedules-dir", schedules::toString);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", smtp::port);
        registry.add("spring.mail.username", () -> "watchbrief");
        registry.add("spring.mail.password", () -> PASSWORD);
        registry.add("watchbrief.delivery.smtp.tls", () -> "none");
        registry.add("watchbrief.delivery.retry.max-retries", () -> 4);
        registry.add("watchbrief.delivery.retry.delay", () -> "100ms");
        registry.add("watchbrief.delivery.retry.multiplier", () -> 2);
    }

    @AfterAll
    static void stop() {
        smtp.close();
    }

    @Autowired
    BriefingLauncher launcher;

    @Autowired
    DigestRepository digests;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void reset() {
        smtp.reset();
    }

    private BriefingResult brief(String windowEnd) {
        return launcher.brief(new BriefingParameters("team",
                new Window(SampleInbox.FIRST_DAY, LocalDate.parse(windowEnd))));
    }

    private OutboxEntry aliceRowOf(String windowEnd) {
        long digest = digests.find("team", LocalDate.parse(windowEnd)).orElseThrow().id();
        return outbox.forDigest(digest).get(0);
    }

    @Test
    void anEmailTheServerDefersTwiceIsDeliveredOnceWhenItTakesIt() {
        // given: 451, 451, then 250
        smtp.replyToData("451 4.7.1 Greylisted, try again later", "451 4.7.1 Greylisted, try again later");
        // when
        BriefingResult result = brief("2026-11-20");
        // then
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(smtp.commands().stream().filter("DATA"::equals)).hasSize(3);
        assertThat(smtp.accepted()).singleElement().asString().contains("Subject: Briefing to 2026-11-20");
        assertThat(aliceRowOf("2026-11-20")).extracting(OutboxEntry::status, OutboxEntry::attempts)
            .containsExactly(OutboxEntry.Status.SENT, 3);
    }

    private int run(StringWriter err, String windowEnd) {
        CommandLine cli = Cli.commandLine(context::getBean);
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("run", "team", "--to", windowEnd);
    }

    @Test
    void aLoginRefusedForGoodFailsTheRunWithExitCode1SayingWhatToCheck() {
        // given: 535, a wrong password; trying it again would only risk locking the account
        smtp.replyToLogin("535 5.7.8 Authentication credentials invalid");
        StringWriter err = new StringWriter();
        // when
        int exit = run(err, "2026-11-19");
        // then
        assertThat(exit).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(err.toString()).contains("failed in step deliver", "the SMTP server refused the login; check "
                + "spring.mail.username and spring.mail.password (535 5.7.8 Authentication credentials invalid)")
            .doesNotContain(PASSWORD);
        assertThat(smtp.commands().stream().filter("AUTH"::equals)).as("a wrong password is not tried again")
            .hasSize(1);
        assertThat(smtp.accepted()).isEmpty();
        assertThat(aliceRowOf("2026-11-19").status()).isEqualTo(OutboxEntry.Status.FAILED);
    }

    @Test
    void aLoginRefusedForNowOnEveryTryIsReportedFailedAfterTheRetriesWithExitCode1() {
        // given: 454 to every login
        smtp.replyToLogin(Collections.nCopies(20, "454 4.7.0 Temporary authentication failure")
            .toArray(String[]::new));
        StringWriter err = new StringWriter();
        // when
        int exit = run(err, "2026-11-17");
        // then
        assertThat(exit).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(err.toString()).contains("failed in step deliver", "the SMTP server refused the login",
                "454 4.7.0 Temporary authentication failure").doesNotContain(PASSWORD);
        OutboxEntry alice = aliceRowOf("2026-11-17");
        assertThat(alice.status()).isEqualTo(OutboxEntry.Status.FAILED);
        assertThat(alice.attempts()).as("the first try and the 4 retries").isEqualTo(5);
        assertThat(smtp.commands().stream().filter("AUTH"::equals)).hasSize(5);
        assertThat(smtp.accepted()).isEmpty();
    }

    @Test
    void aLoginRefusedForNowIsTriedAgainAndTheEmailDelivered() {
        // given: 454, a temporary failure, twice
        smtp.replyToLogin("454 4.7.0 Temporary authentication failure", "454 4.7.0 Temporary authentication failure");
        // when
        BriefingResult result = brief("2026-11-18");
        // then
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(smtp.commands().stream().filter("AUTH"::equals)).hasSize(3);
        assertThat(smtp.accepted()).hasSize(1);
    }
}
