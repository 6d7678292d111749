package org.watchbrief.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code watchbrief}: the top of the command line. */
@Command(name = "watchbrief", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = { "Briefings on UK online child-safety policy: reads new documents, sorts them by theme, "
                + "finds the money and the dates, and writes Word and PDF digests." },
        subcommands = { RunCommand.class, AnalyzeCommand.class, IngestCommand.class, SchedulesCommand.class,
                ServeCommand.class, ResendCommand.class, HelpCommand.class },
        footer = { "", "Examples:", "  watchbrief run --from 2026-10-01 --to 2026-11-20",
                "  watchbrief analyze --json inbox/", "  watchbrief ingest --quarantine", "", "Exit codes: 0 success, 1 the job failed, 2 usage error." })
class WatchbriefCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a command is needed: " + String.join(", ", spec.subcommands().keySet()));
    }
}
