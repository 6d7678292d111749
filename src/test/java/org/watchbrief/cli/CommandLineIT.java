package org.watchbrief.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchbrief.support.SampleInbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The built jar, run as a person or a script runs it: {@code java -jar target/watchbrief.jar} in
 * a folder holding inbox/ and schedules/, with its defaults (the database under data/, the
 * digests under reports/out/). Failsafe runs this after {@code package}, so the jar is the one
 * being shipped. Checks what reaches stdout and stderr and the exit codes.
 */
class CommandLineIT {

    private static final Path JAR = Path.of("target", "watchbrief.jar").toAbsolutePath();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    private record Result(int exit, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }
    }

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("run 'mvn verify', which packages the jar before the integration tests").exists();
    }

    /** A working folder as the project's root looks: the sample inbox and the schedules. */
    private Path aProjectFolder() throws IOException {
        SampleInbox.copyTo(folder.resolve("inbox"));
        Files.createDirectories(folder.resolve("schedules"));
        for (String schedule : List.of("weekly.yml", "monthly.yml")) {
            Files.copy(Path.of("schedules", schedule), folder.resolve("schedules").resolve(schedule));
        }
        return folder;
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        // C1 only: the JVM starts in a third of the time on a busy machine, and behaves the same
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder process = new ProcessBuilder(command).directory(folder.toFile())
            .redirectOutput(folder.resolve(".stdout").toFile())
            .redirectError(folder.resolve(".stderr").toFile());
        // nothing from the surroundings may add lines to stderr or point the application elsewhere
        process.environment().keySet().removeIf(name -> name.startsWith("WATCHBRIEF_") || name.startsWith("SPRING_")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("_JAVA_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
        process.environment().putAll(env);
        Process started = process.start();
        started.getOutputStream().close();
        return started;
    }

    private Result finish(Process process) throws Exception {
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("watchbrief did not finish within 3 minutes");
        }
        return new Result(process.exitValue(), Files.readString(folder.resolve(".stdout"), StandardCharsets.UTF_8),
                Files.readString(folder.resolve(".stderr"), StandardCharsets.UTF_8));
    }

    private Result watchbrief(Map<String, String> env, String... args) throws Exception {
        return finish(start(env, args));
    }

    private Result watchbrief(String... args) throws Exception {
        return watchbrief(Map.of(), args);
    }

    /** A count from the database the processes used (data/watchbrief under the folder), once they ended. */
    private long sql(String query) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + folder.resolve("data/watchbrief") + ";IFEXISTS=TRUE", "sa", "");
                var result = connection.createStatement().executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private List<String> folderContents() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void helpAndVersionAnswerWithoutCreatingADatabase() throws Exception {
        // given
        String version;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        // when
        Result versionOutput = watchbrief("--version");
        Result help = watchbrief("--help");
        // then
        assertThat(version).as("the build puts the version in the manifest").isNotBlank();
        assertThat(versionOutput.exit()).isZero();
        assertThat(versionOutput.outLines().get(0)).isEqualTo("watchbrief " + version);
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Getting started", "watchbrief run --dry-run");
        assertThat(help.err()).isEmpty();
        assertThat(folderContents()).isEmpty();
    }

    @Test
    void aBadDateIsOneLineOnStderrNamingItAndTheAcceptedFormsWithExitCode2() throws Exception {
        // when
        Result result = watchbrief("run", "--to", "the 5th");
        // then
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().asString()
            .isEqualTo("watchbrief: Invalid value for option '--to': 'the 5th' is not a date; use 2026-11-20, "
                    + "\"20 November 2026\", today, yesterday, \"last week\" or \"last month\"");
    }

    @Test
    void anUnknownScheduleIsAConfigurationErrorWithExitCode2() throws Exception {
        // given
        aProjectFolder();
        // when
        Result result = watchbrief("run", "fortnightly", "--dry-run");
        // then
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().asString()
            .endsWith("name: no schedule is named 'fortnightly'; known: monthly, weekly");
    }

    @Test
    void aDryRunInANewFolderSaysWhatItWouldDoAndCreatesNothing() throws Exception {
        // given
        aProjectFolder();
        // when
        Result dryRun = watchbrief("run", "--dry-run", "--from", "2026-09-01", "--to", "2026-11-20");
        // then
        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Would read:  15 new document(s) in inbox (0 read before)",
                "wq-01-social-media-grooming.txt", "Would send:  to managers@example.org");
        assertThat(folderContents()).as("no database, no reports").containsExactly("inbox", "schedules");
    }

    @Test
    void aRunPrintsItsResultOnStdoutAndItsLogsOnStderr() throws Exception {
        // given
        aProjectFolder();
        // when
        Result run = watchbrief("run", "--from", "2026-09-01", "--to", "2026-11-20");
        Result again = watchbrief("run", "--from", "2026-09-01", "--to", "2026-11-20");
        Result jobs = watchbrief("jobs", "--json");
        Result verboseDryRun = watchbrief("--verbose", "run", "--dry-run", "--to", "2026-11-21");
        // then
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.outLines()).as("stdout carries only the result").allMatch(
                line -> line.startsWith("Made the weekly briefing") || line.startsWith("  "));
        assertThat(run.out()).contains("read:   15 new document(s): 15 stored, 0 quarantined",
                "/briefing.docx", "/briefing.pdf", "email:  managers@example.org -> ");
        assertThat(run.err()).as("concise logs, with a line per step").contains(" INFO  Briefing weekly for ",
                " INFO  intake COMPLETED in ", "15 document(s) read, 15 stored, 0 quarantined", "documents/s",
                " INFO  render COMPLETED in ").doesNotContain("DEBUG", ":: Spring Boot ::", "Started Watchbrief");
        String folderName = run.out().replaceAll("(?s).*digest: (reports/out/weekly/[^/]+)/briefing.docx.*", "$1");
        assertThat(folder.resolve(folderName).resolve("briefing.pdf")).isNotEmptyFile();
        assertThat(again.exit()).isZero();
        assertThat(again.out()).startsWith("Nothing to do: ");
        assertThat(jobs.exit()).isZero();
        JsonNode only = JSON.readTree(jobs.outLines().get(0));
        assertThat(jobs.outLines()).hasSize(1);
        assertThat(only.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(only.get("read").asLong()).isEqualTo(15);
        assertThat(only.get("ad_hoc").get("from").asString()).isEqualTo("2026-09-01");
        assertThat(verboseDryRun.err()).contains("DEBUG");
    }

    @Test
    void aFailedRunExitsWith1NamingTheStepAndRestartCompletesIt() throws Exception {
        // given reports that cannot be written: a file stands where their folder should be
        aProjectFolder();
        Files.writeString(folder.resolve("blocked"), "a file, not a folder");
        Map<String, String> blocked = Map.of("WATCHBRIEF_REPORTS_DIR", folder.resolve("blocked/out").toString());
        // when
        Result failed = watchbrief(blocked, "run", "--to", "2026-11-20");
        String id = failed.err().replaceAll("(?s).*\\(execution (\\d+)\\).*", "$1");
        Result jobs = watchbrief("jobs");
        Result restart = watchbrief("restart", id);
        // then
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).isEmpty();
        assertThat(failed.err()).contains("The weekly briefing for 14 November 2026 to 20 November 2026 failed in step "
                + "render (execution " + id + "): cannot write ", "watchbrief restart " + id);
        assertThat(jobs.out()).containsPattern("\\s" + id + "  FAILED\\s").contains("failed in step render: ");
        assertThat(restart.exit()).as(restart.err()).isZero();
        assertThat(restart.out()).startsWith("Made the weekly briefing for 14 November 2026 to 20 November 2026;");
        assertThat(folder.resolve("reports/out/weekly/2026-11-20/briefing.docx")).isNotEmptyFile();
    }

    @Test
    void theNextRunResumesARunLeftStartedByAKilledProcess() throws Exception {
        // given a run killed in the middle of a long intake (one document per transaction)
        aProjectFolder();
        writeLongDocuments();
        Process run = start(Map.of("WATCHBRIEF_INTAKE_CHUNK_SIZE", "1"), "run", "--to", "2026-11-20");
        waitForIntakeToCommit(run);
        run.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        deleteTheLongDocuments();
        // when
        Result jobs = watchbrief("jobs", "--json");
        JsonNode killed = JSON.readTree(jobs.outLines().get(0));
        String id = killed.get("execution").asString();
        Result again = watchbrief("run", "--to", "2026-11-20");
        Result jobsAfter = watchbrief("jobs", "--json");
        // then
        assertThat(killed.get("status").asString()).isEqualTo("STARTED");
        assertThat(killed.get("step").asString()).isEqualTo("intake");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("Made the weekly briefing for 14 November 2026 to 20 November 2026;");
        assertThat(again.err()).contains("Execution " + id + " of this window was left STARTED");
        JsonNode resumed = JSON.readTree(jobsAfter.outLines().get(1));
        assertThat(resumed.get("execution").asString()).isEqualTo(id);
        assertThat(resumed.get("status").asString()).isEqualTo("FAILED");
        assertThat(sql("SELECT COUNT(*) FROM document")).as("every document stored once")
            .isEqualTo(sql("SELECT COUNT(DISTINCT source_key) FROM document"));
        assertThat(sql("SELECT COUNT(*) FROM document WHERE source_key NOT LIKE 'zz-%'")).as("none lost")
            .isEqualTo(15);
        assertThat(sql("SELECT COUNT(*) FROM digest")).isEqualTo(1);
    }

    @Test
    void sigtermStopsARunBetweenTwoChunksAndTheNextRunResumesItWithoutRecovery() throws Exception {
        // given a run in the middle of a long intake (one document per transaction)
        aProjectFolder();
        writeLongDocuments();
        Process run = start(Map.of("WATCHBRIEF_INTAKE_CHUNK_SIZE", "1"), "run", "--to", "2026-11-20");
        waitForIntakeToCommit(run);
        // when: SIGTERM, as a service manager, kill or Ctrl-C sends it
        run.toHandle().destroy();
        Result stopped = finish(run);
        Result jobs = watchbrief("jobs", "--json");
        JsonNode halted = JSON.readTree(jobs.outLines().get(0));
        String id = halted.get("execution").asString();
        long countedByTheStep = sql("SELECT WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'intake'");
        long stored = sql("SELECT COUNT(*) FROM document");
        deleteTheLongDocuments();
        Result again = watchbrief("run", "--to", "2026-11-20");
        // then
        assertThat(stopped.exit()).as("ended by SIGTERM after a clean stop").isEqualTo(143);
        assertThat(stopped.err()).contains("Asked execution " + id + " to stop at its next safe point");
        assertThat(halted.get("status").asString()).as("recorded STOPPED, not left STARTED").isEqualTo("STOPPED");
        assertThat(countedByTheStep).as("stopped between two chunks: what the step counted is what was stored")
            .isEqualTo(stored)
            .isPositive();
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("Made the weekly briefing for 14 November 2026 to 20 November 2026;");
        assertThat(again.err()).as("resumed as it is, no recovery needed").doesNotContain("left STARTED");
        assertThat(sql("SELECT COUNT(*) FROM document")).as("every document stored once")
            .isEqualTo(sql("SELECT COUNT(DISTINCT source_key) FROM document"))
            .isGreaterThanOrEqualTo(stored);
        assertThat(sql("SELECT COUNT(*) FROM document WHERE source_key NOT LIKE 'zz-%'")).as("the sample inbox")
            .isEqualTo(15);
        assertThat(sql("SELECT COUNT(*) FROM digest")).isEqualTo(1);
        assertThat(sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("the stopped run restarted, not begun anew")
            .isEqualTo(2);
    }

    /** 2,000 long answers, so that intake takes long enough to be stopped in the middle, even on an idle machine. */
    private void writeLongDocuments() throws IOException {
        String question = Files.readString(folder.resolve("inbox/wq-01-social-media-grooming.txt"));
        for (int i = 0; i < 2000; i++) {
            Files.writeString(folder.resolve("inbox/zz-" + i + ".txt"),
                    question + ("\nA further paragraph on the grooming of children online, number " + i + ".\n")
                        .repeat(300));
        }
    }

    /** Waits until intake has committed some documents (H2 writes its file about once a second). */
    private void waitForIntakeToCommit(Process run) throws Exception {
        for (int i = 0; i < 240; i++) {
            String err = Files.readString(folder.resolve(".stderr"));
            if (err.contains("Reading inbox")) {
                Thread.sleep(1000);
                assertThat(run.isAlive()).as("the run is still in intake when killed; stderr so far:%n%s", err)
                    .isTrue();
                return;
            }
            assertThat(run.isAlive()).as("the run started; stderr:%n%s", err).isTrue();
            Thread.sleep(500);
        }
        fail("intake did not start within 2 minutes");
    }

    private void deleteTheLongDocuments() throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve("inbox"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("zz-")).toList()) {
                Files.delete(file);
            }
        }
    }
}
