package org.watchbrief.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** {@code schedules}: answers from the files alone, without Spring or the database. */
class SchedulesCommandTests {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = Cli.commandLine(new Services() {
            @Override
            public <T> T get(Class<T> type) {
                return fail("schedules asked for " + type.getSimpleName() + ": it must not need the database");
            }
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void listsTheProjectsSchedulesWithTheirNextThreeRunsAcrossTheClocksGoingForward() {
        // when
        int exit = execute("schedules", "--after", "2027-03-20T00:00");
        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("""
                weekly (schedules/weekly.yml): Weekly briefing for managers
                  runs:    "0 0 7 * * MON" in Europe/London; each run briefs the P7D window ending the day before
                  to:      managers@example.org
                  themes:  grooming, livestreaming, data_sharing, legislation; docx and pdf
                  next:    Mon 22 Mar 2027 07:00 GMT  briefs 15 March 2027 to 21 March 2027
                           Mon 29 Mar 2027 07:00 BST  briefs 22 March 2027 to 28 March 2027
                           Mon 5 Apr 2027 07:00 BST   briefs 29 March 2027 to 4 April 2027
                """).contains("monthly (schedules/monthly.yml)", "Thu 1 Apr 2027 08:00 BST   briefs 1 March 2027 to 31 March 2027");
    }

    @Test
    void checkValidatesEveryFileAndReportsEachBadOneOnItsOwnLine() throws IOException {
        // given
        Files.copy(Path.of("schedules/weekly.yml"), dir.resolve("weekly.yml"));
        Files.writeString(dir.resolve("bad-zone.yml"),
                Files.readString(Path.of("schedules/weekly.yml")).replace("weekly", "a").replace("Europe/London", "Londn"));
        Files.writeString(dir.resolve("bad-address.yml"), Files.readString(Path.of("schedules/weekly.yml"))
            .replace("weekly", "b").replace("managers@example.org", "managers.example.org"));
        // when
        int exit = execute("schedules", "--check", "--dir", dir.toString());
        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                dir.resolve("bad-address.yml") + ": recipients: 'managers.example.org' is not an email address "
                        + "(Missing final '@domain')",
                dir.resolve("bad-zone.yml") + ": zone: 'Londn' is not a time zone (use a region such as Europe/London)");
        assertThat(out.toString()).contains("ok: " + dir.resolve("weekly.yml") + " (weekly)",
                "3 schedule file(s) checked: 2 invalid");
    }

    @Test
    void checkPassesTheShippedSchedules() {
        // when
        int exit = execute("schedules", "--check");
        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("2 schedule file(s) checked: all valid");
        assertThat(err.toString()).isEmpty();
    }
}
