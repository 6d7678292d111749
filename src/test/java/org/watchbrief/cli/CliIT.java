package org.watchbrief.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.support.BothDatabases;
import org.watchbrief.support.Digests;
import org.watchbrief.support.SampleInbox;
import org.watchbrief.support.TestWorkspace;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each command through picocli, as the launcher runs it, on the application with a real H2 file
 * database and the sample inbox: what it prints on stdout and stderr, and its exit code. Each test
 * briefs a window of its own, so that the tests do not depend on one another's order.
 */
@SpringBootTest
@BothDatabases
class CliIT {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        SampleInbox.copyTo(work.resolve("inbox"));
        TestWorkspace.register(registry, work);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    private record Outcome(int exit, String out, String err) {
    }

    private Outcome watchbrief(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine(context::getBean);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static long execution(String text) {
        Matcher id = Pattern.compile("execution (\\d+)").matcher(text);
        assertThat(id.find()).as("an execution id in: %s", text).isTrue();
        return Long.parseLong(id.group(1));
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    /** Puts a file where the render step must create the window's folder, so that the step fails. */
    private static Path blockTheFolderOf(String windowEnd) throws Exception {
        Files.createDirectories(work.resolve("reports/weekly"));
        return Files.writeString(work.resolve("reports/weekly/" + windowEnd), "in the way");
    }

    @Test
    void runPrintsWhereTheFilesAreAndWhatWasSentAndTheSecondTimeThatThereIsNothingToDo() {
        // when
        Outcome first = watchbrief("run", "--from", "2026-09-01", "--to", "20 November 2026", "--email",
                "team@example.org");
        Outcome again = watchbrief("run", "--from", "2026-09-01", "--to", "20 November 2026", "--email",
                "team@example.org");
        // then
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("Made the weekly briefing for 1 September 2026 to 20 November 2026 (ad hoc: "
                + "from 2026-09-01; email to team@example.org); execution ")
            .containsPattern("digest: .*/weekly/2026-11-20-adhoc-[0-9a-f]{8}/briefing.docx")
            .containsPattern("digest: .*/weekly/2026-11-20-adhoc-[0-9a-f]{8}/briefing.pdf")
            .containsPattern("email:  team@example.org -> .*email-team@example.org.eml");
        assertThat(first.err()).isEmpty();
        assertThat(again.exit()).isZero();
        assertThat(again.out()).startsWith("Nothing to do: the weekly window ending 2026-11-20 was already briefed");
    }

    @Test
    void anAdHocRunDoesNotMakeTheScheduledRunOfItsWindowSayAlreadyBriefed() throws Exception {
        // given
        Outcome adHoc = watchbrief("run", "--to", "2026-10-31", "--themes", "grooming", "--no-email");
        // when
        Outcome scheduled = watchbrief("run", "--to", "2026-10-31");
        Outcome adHocAgain = watchbrief("run", "--to", "2026-10-31", "--themes", "grooming", "--no-email");
        // then
        assertThat(adHoc.out()).startsWith("Made the weekly briefing for 25 October 2026 to 31 October 2026 (ad hoc: "
                + "themes grooming; no email)").contains("email:  none sent");
        assertThat(scheduled.out()).startsWith("Made the weekly briefing for 25 October 2026 to 31 October 2026;")
            .contains("email:  managers@example.org");
        assertThat(adHocAgain.out()).startsWith("Nothing to do:");
        assertThat(Digests.readWord(work.resolve("reports/weekly/2026-10-31/briefing.docx")).headingTexts(1))
            .as("the scheduled digest covers the schedule's themes")
            .contains("Grooming", "Livestreaming", "Data sharing", "Legislation");
        Path adHocFolder = Files.list(work.resolve("reports/weekly"))
            .filter(p -> p.getFileName().toString().startsWith("2026-10-31-adhoc-"))
            .findFirst()
            .orElseThrow();
        assertThat(Digests.readWord(adHocFolder.resolve("briefing.docx")).headingTexts(1)).contains("Grooming")
            .doesNotContain("Livestreaming", "Data sharing", "Legislation");
        assertThat(adHocFolder.resolve("email-managers@example.org.eml")).doesNotExist();
    }

    @Test
    void anAdHocRunIsNotBlockedByTheScheduledRunOfItsWindow() {
        // given
        watchbrief("run", "--to", "2026-10-24");
        // when
        Outcome adHoc = watchbrief("run", "--to", "2026-10-24", "--format", "pdf", "--no-email");
        // then
        assertThat(adHoc.exit()).isZero();
        assertThat(adHoc.out()).startsWith("Made the weekly briefing for 18 October 2026 to 24 October 2026 (ad hoc: "
                + "formats pdf; no email)").contains("briefing.pdf").doesNotContain("briefing.docx");
    }

    @Test
    void optionsThatRepeatTheScheduleMakeNoAdHocBriefing() {
        // when
        Outcome run = watchbrief("run", "weekly", "--to", "2026-09-26", "--format", "pdf,docx", "--themes",
                "grooming,livestreaming,data_sharing,legislation", "--email", "managers@example.org");
        // then
        assertThat(run.out()).startsWith("Made the weekly briefing for 20 September 2026 to 26 September 2026;")
            .doesNotContain("ad hoc");
    }

    @Test
    void aDryRunSaysWhatARunWouldReadWriteAndSendAndChangesNothing() throws Exception {
        // given
        watchbrief("run", "--to", "2026-11-06");
        Files.writeString(work.resolve("inbox/wq-98-dry-run.txt"), "Online Safety: Grooming\n\nA new question.\n");
        List<Integer> before = List.of(count("BATCH_JOB_EXECUTION"), count("document"), count("digest"),
                count("outbox"), count("quarantine"));
        // when
        Outcome dryRun = watchbrief("run", "--dry-run", "--to", "2026-11-07", "--themes", "grooming,legislation",
                "--email", "a@example.org,b@example.org");
        // then
        assertThat(dryRun.exit()).isZero();
        assertThat(dryRun.out()).startsWith("Dry run: nothing was recorded, stored, written or sent.")
            .contains("Briefing:    weekly briefing for 1 November 2026 to 7 November 2026 (ad hoc: themes grooming, "
                    + "legislation; email to a@example.org, b@example.org)")
            .containsPattern("Would read:  1 new document\\(s\\) in .*inbox \\(1[5-9] read before\\)")
            .contains("               wq-98-dry-run.txt", "Themes:      grooming, legislation",
                    "Would send:  to a@example.org, b@example.org")
            .containsPattern("Would write: .*/weekly/2026-11-07-adhoc-[0-9a-f]{8}/briefing.docx");
        assertThat(List.of(count("BATCH_JOB_EXECUTION"), count("document"), count("digest"), count("outbox"),
                count("quarantine")))
            .isEqualTo(before);
        assertThat(Files.list(work.resolve("reports/weekly")).map(p -> p.getFileName().toString()))
            .noneMatch(name -> name.startsWith("2026-11-07"));
    }

    @Test
    void aDryRunOfABriefedWindowSaysARunWouldDoNothing() {
        // given
        Outcome run = watchbrief("run", "--to", "2026-09-19");
        // when
        Outcome dryRun = watchbrief("run", "-n", "--to", "2026-09-19");
        // then
        assertThat(dryRun.out()).contains("A run would do nothing: the window was briefed by execution "
                + execution(run.out()) + ".");
    }

    @Test
    void aFailedRunShowsItsFailingStepInJobsAndRestartCompletesIt() throws Exception {
        // given
        Path blocker = blockTheFolderOf("2026-10-17");
        Outcome failed = watchbrief("run", "--to", "2026-10-17");
        long id = execution(failed.err());
        // when
        Outcome jobs = watchbrief("jobs");
        Outcome json = watchbrief("jobs", "--json", "--last", "1");
        Files.delete(blocker);
        Outcome restart = watchbrief("restart", String.valueOf(id));
        Outcome jobsAfter = watchbrief("jobs", "--last", "5");
        // then
        assertThat(failed.exit()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(failed.out()).isEmpty();
        assertThat(failed.err()).startsWith("The weekly briefing for 11 October 2026 to 17 October 2026 failed in step "
                + "render (execution " + id + "): cannot write ").contains("FileAlreadyExistsException", "watchbrief restart " + id);
        assertThat(jobs.out()).containsPattern("\\s" + id + "  FAILED\\s+weekly\\s+2026-10-11\\.\\.2026-10-17")
            .contains("failed in step render: cannot write ", "FileAlreadyExistsException: ",
                    "to resume it: watchbrief restart " + id);
        JsonNode run = JsonMapper.builder().build().readTree(json.out().lines().findFirst().orElseThrow());
        assertThat(run.get("execution").asLong()).isEqualTo(id);
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(run.get("step").asString()).isEqualTo("render");
        assertThat(run.get("window_end").asString()).isEqualTo("2026-10-17");
        assertThat(run.get("error").asString()).contains("FileAlreadyExistsException");
        assertThat(restart.exit()).as(restart.err()).isZero();
        assertThat(restart.out()).startsWith("Made the weekly briefing for 11 October 2026 to 17 October 2026;");
        assertThat(work.resolve("reports/weekly/2026-10-17/briefing.pdf")).isNotEmptyFile();
        assertThat(jobsAfter.out()).contains("resumed by execution " + execution(restart.out()));
        Outcome restartCompleted = watchbrief("restart", String.valueOf(execution(restart.out())));
        assertThat(restartCompleted.exit()).isZero();
        assertThat(restartCompleted.out()).startsWith("Nothing to do: execution " + execution(restart.out())
                + " completed on ");
    }

    @Test
    void theNextRunResumesARunLeftStartedByACrashedProcess() throws Exception {
        // given a run that died in its render step an hour ago, as kill -9 leaves it
        Path blocker = blockTheFolderOf("2026-10-10");
        long id = execution(watchbrief("run", "--to", "2026-10-10").err());
        markStarted(id, LocalDateTime.now().minusHours(1));
        Files.delete(blocker);
        // when
        Outcome run = watchbrief("run", "--to", "2026-10-10");
        Outcome jobs = watchbrief("jobs");
        // then
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Made the weekly briefing for 4 October 2026 to 10 October 2026;");
        assertThat(jobs.out()).containsPattern("\\s" + id + "  FAILED\\s")
            .contains("left STARTED by a process that stopped", "resumed by execution " + execution(run.out()));
        assertThat(work.resolve("reports/weekly/2026-10-10/briefing.pdf")).isNotEmptyFile();
    }

    @Test
    void abandonSettlesARunLeftStartedAndRestartThenCompletesIt() throws Exception {
        // given a run that died in its render step an hour ago, as kill -9 leaves it
        Path blocker = blockTheFolderOf("2026-08-29");
        long id = execution(watchbrief("run", "--to", "2026-08-29").err());
        markStarted(id, LocalDateTime.now().minusHours(1));
        Files.delete(blocker);
        // when
        Outcome jobs = watchbrief("jobs");
        Outcome abandon = watchbrief("abandon", String.valueOf(id));
        Outcome jobsAfter = watchbrief("jobs");
        Outcome restart = watchbrief("restart", String.valueOf(id));
        // then
        assertThat(jobs.out()).containsPattern("\\s" + id + "  STARTED\\s")
            .contains("marked STARTED in step render", "watchbrief abandon " + id);
        assertThat(abandon.exit()).as(abandon.err()).isZero();
        assertThat(abandon.out()).startsWith("Abandoned execution " + id + " (weekly briefing for 23 August 2026 "
                + "to 29 August 2026): it is marked FAILED in step render now.")
            .contains("watchbrief restart " + id);
        assertThat(jobsAfter.out()).containsPattern("\\s" + id + "  FAILED\\s")
            .contains("failed in step render: abandoned on ");
        assertThat(restart.exit()).as(restart.err()).isZero();
        assertThat(restart.out()).startsWith("Made the weekly briefing for 23 August 2026 to 29 August 2026;");
    }

    @Test
    void abandonRefusesARunThatRecordedProgressMomentsAgoUnlessForced() throws Exception {
        // given
        Path blocker = blockTheFolderOf("2026-10-03");
        long id = execution(watchbrief("run", "--to", "2026-10-03").err());
        Files.delete(blocker);
        markStarted(id, LocalDateTime.now());
        // when
        Outcome refused = watchbrief("abandon", String.valueOf(id));
        Outcome forced = watchbrief("abandon", "--force", String.valueOf(id));
        // then
        assertThat(refused.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("may still be running", "add --force");
        assertThat(forced.exit()).isZero();
        assertThat(forced.out()).contains("it is marked FAILED");
    }

    @Test
    void mistakesThatNeedTheApplicationAreStillUsageErrors() {
        assertThat(watchbrief("run", "fortnightly")).satisfies(o -> {
            assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(o.err().lines()).singleElement().asString()
                .contains("no schedule is named 'fortnightly'; known: monthly, weekly");
        });
        assertThat(watchbrief("run", "--themes", "grooming,fraud")).satisfies(o -> {
            assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(o.err()).contains("--themes: 'fraud' is not a theme; use grooming, livestreaming, "
                    + "data_sharing, legislation");
        });
        assertThat(watchbrief("run", "--format", "odt")).satisfies(o -> {
            assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(o.err()).contains("--format: 'odt' is not a format");
        });
        assertThat(watchbrief("run", "--email", "managers at example.org")).satisfies(o -> {
            assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(o.err()).contains("--email: 'managers at example.org' is not an email address");
        });
        assertThat(watchbrief("run", "--to", "2099-01-01")).satisfies(o -> {
            assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(o.err()).contains("--to 2099-01-01 is in the future");
        });
        assertThat(watchbrief("run", "--from", "2026-10-02", "--to", "2026-10-01")).satisfies(o -> {
            assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(o.err()).contains("--from 2026-10-02 is after the window's last day 2026-10-01");
        });
        assertThat(watchbrief("restart", "999999")).satisfies(o -> {
            assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(o.err()).contains("there is no run with execution id 999999; 'watchbrief jobs' lists them");
        });
        assertThat(watchbrief("abandon", "999999").exit()).isEqualTo(ExitCodes.USAGE);
    }

    /** What a process killed in the middle of a step leaves in the job repository. */
    private void markStarted(long executionId, LocalDateTime lastUpdated) {
        Timestamp at = Timestamp.valueOf(lastUpdated);
        jdbc.update("""
                UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', EXIT_MESSAGE = '',
                    END_TIME = NULL, LAST_UPDATED = ? WHERE JOB_EXECUTION_ID = ?
                """, at, executionId);
        jdbc.update("""
                UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', EXIT_MESSAGE = '',
                    END_TIME = NULL WHERE JOB_EXECUTION_ID = ? AND STATUS = 'FAILED'
                """, executionId);
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET LAST_UPDATED = ? WHERE JOB_EXECUTION_ID = ?", at, executionId);
    }
}
