package org.watchbrief.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code watchbrief}: the top of the command line. */
@Command(name = "watchbrief", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = { "Keeps policy teams briefed on UK online child safety: reads new documents from an inbox "
                + "folder (written questions, press releases, news), sorts them by theme, finds the money committed and "
                + "the dated events, and writes Word and PDF digests for a window of days, emailed to a schedule's "
                + "recipients." },
        subcommands = { RunCommand.class, IngestCommand.class, AnalyzeCommand.class, JobsCommand.class,
                RestartCommand.class, AbandonCommand.class, SchedulesCommand.class, ServeCommand.class,
                ResendCommand.class, EvalCommand.class, CompletionCommand.class, HelpCommand.class },
        footer = { "", "Getting started, in a folder with inbox/ and schedules/ (as this project has):",
                "  watchbrief run --dry-run    what a briefing would read, write and send",
                "  watchbrief run              brief the weekly schedule: the 7 days to yesterday",
                "  watchbrief jobs             what ran, and where a failed run stopped",
                "  watchbrief help run         every option of run, with examples", "",
                "Files (defaults, relative to the current folder):",
                "  inbox/          documents: text, HTML, PDF, Word, OpenDocument, RTF, email",
                "  schedules/      one YAML file per schedule (the format: schedules/weekly.yml)",
                "  reports/out/    the digests; the emails too (.eml) while no SMTP host is set",
                "  data/           the database (H2)",
                "Set them with WATCHBRIEF_INBOX, WATCHBRIEF_SCHEDULES_DIR, WATCHBRIEF_REPORTS_DIR",
                "and SPRING_DATASOURCE_URL; send real email by setting SPRING_MAIL_HOST.", "",
                "Results go to stdout; logs, progress and errors to stderr.",
                "Exit codes: 0 done (or nothing to do), 1 a run failed, 2 a usage or",
                "configuration error (the message says what to fix)." })
class WatchbriefCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = { "-v", "--verbose" }, scope = ScopeType.INHERIT,
            description = "Debug logs on stderr (instead of a progress bar).")
    void setVerbose(boolean verbose) {
        Logging.setVerbose(verbose);
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("watchbrief: a command is needed; "
                + String.join(", ", spec.subcommands().keySet()) + " (see 'watchbrief --help')");
        return ExitCodes.USAGE;
    }
}
