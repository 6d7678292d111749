package org.watchbrief.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The command line's conventions, through picocli and without Spring: help with examples for
 * every command, the version, completion, and usage errors that are one line and exit code 2
 * before anything starts.
 */
class WatchbriefCommandTests {

    private final StringWriter out = new StringWriter();

    private final StringWriter err = new StringWriter();

    private CommandLine commandLine() {
        // a command that starts Spring would fail these tests: none of them needs the database
        CommandLine cli = Cli.commandLine(new Services() {
            @Override
            public <T> T get(Class<T> type) {
                return fail("the command asked for " + type.getSimpleName());
            }
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    private int execute(String... args) {
        return commandLine().execute(args);
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        // given
        List<String> commands = commandLine().getSubcommands().keySet().stream().filter(c -> !c.equals("help")).toList();
        assertThat(commands).contains("run", "ingest", "analyze", "jobs", "restart", "abandon", "schedules", "serve",
                "resend", "completion");
        for (String command : commands) {
            out.getBuffer().setLength(0);
            // when
            int exit = execute(command, "--help");
            // then
            assertThat(exit).as(command).isZero();
            assertThat(out.toString()).as(command).contains("Usage: watchbrief " + command, "Examples:",
                    "  watchbrief " + command);
            assertThat(out.toString().lines()).as("%s: no footer line wrapped at 80 columns", command)
                .containsAll(List.of(commandLine().getSubcommands().get(command).getCommandSpec().usageMessage().footer()));
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theTopHelpListsEachCommandInOneLineAndSaysHowToStart() {
        // when
        int exit = execute("--help");
        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("  run         Make a briefing now", "  jobs        List the latest runs",
                "  restart     Resume a failed run", "  abandon     Clear a run left STARTED",
                "Getting started", "watchbrief run --dry-run", "Exit codes: 0");
        assertThat(out.toString().lines()).as("no footer line wrapped at 80 columns")
            .containsAll(List.of(commandLine().getCommandSpec().usageMessage().footer()));
    }

    @Test
    void printsTheVersion() {
        // when
        int exit = execute("--version");
        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("watchbrief ").contains("Java ");
    }

    @Test
    void noCommandIsAUsageErrorListingTheCommands() {
        // when
        int exit = execute();
        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines()).singleElement().asString()
            .contains("a command is needed", "run, ingest, analyze, jobs", "serve", "watchbrief --help");
    }

    @Test
    void aBadDateIsOneLineNamingItAndTheAcceptedFormsWithExitCode2() {
        // when
        int exit = execute("run", "--from", "next tuesday");
        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().asString()
            .isEqualTo("watchbrief: Invalid value for option '--from': 'next tuesday' is not a date; use 2026-11-20, "
                    + "\"20 November 2026\", today, yesterday, \"last week\" or \"last month\"");
    }

    @Test
    void aMistypedCommandSuggestsTheRightOne() {
        // when
        int exit = execute("job");
        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines()).singleElement().asString()
            .contains("'job'", "did you mean jobs?", "see 'watchbrief --help'");
    }

    @Test
    void contradictoryEmailOptionsAreRefusedBeforeAnythingStarts() {
        // when
        int exit = execute("run", "--email", "me@example.org", "--no-email");
        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("watchbrief: --email and --no-email contradict each other; give one of "
                + "them" + System.lineSeparator());
    }

    @Test
    void anExecutionIdMustBeANumber() {
        // when
        int exit = execute("restart", "last");
        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'last'", "EXECUTION");
    }

    @Test
    void jobsNeedsAPositiveCount() {
        // when
        int exit = execute("jobs", "--last", "0");
        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--last 0: give 1 or more");
    }

    @Test
    void completionPrintsABashScriptForEveryCommandAndOption() {
        // when
        int exit = execute("completion");
        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("#!/usr/bin/env bash")
            .contains("complete -F _complete_watchbrief", "restart", "abandon", "--dry-run", "--themes");
    }
}
