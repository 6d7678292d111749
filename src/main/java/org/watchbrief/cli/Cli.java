package org.watchbrief.cli;

import java.io.PrintWriter;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.bind.BindException;
import org.watchbrief.analysis.Taxonomy.TaxonomyException;
import org.watchbrief.schedule.ScheduleFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Builds the command line and maps every outcome to DESIGN.md's exit codes. */
public final class Cli {

    private Cli() {
    }

    /** Runs a command line the way the {@code watchbrief} launcher does; returns the exit code. */
    public static int run(String... args) {
        try (SpringServices services = new SpringServices()) {
            return commandLine(services).execute(args);
        }
    }

    /** The command line, with its services; tests hand in their own and read its writers. */
    public static CommandLine commandLine(Services services) {
        CommandLine commandLine = new CommandLine(new WatchbriefCommand(), new CommandFactory(services));
        commandLine.setExecutionExceptionHandler(Cli::handleExecutionException);
        commandLine.setParameterExceptionHandler(Cli::handleParameterException);
        return commandLine;
    }

    private static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getColorScheme().errorText("watchbrief: " + ex.getMessage()));
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options and examples.");
        return ExitCodes.USAGE;
    }

    private static int handleExecutionException(Exception ex, CommandLine commandLine,
            CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Throwable cause = configurationCause(ex);
        if (cause != null) {
            err.println(commandLine.getColorScheme().errorText("watchbrief: " + cause.getMessage()));
            return ExitCodes.USAGE;
        }
        err.println(commandLine.getColorScheme().errorText("watchbrief: " + describe(ex)));
        return ExitCodes.JOB_FAILED;
    }

    /** The usage or configuration error behind an exception, if that is what it is. */
    private static Throwable configurationCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UsageException || t instanceof ScheduleFileException || t instanceof TaxonomyException) {
                return t;
            }
            if (t instanceof BindException bind) {
                // a property that cannot be bound: say which, and what its check found wrong
                Throwable root = bind;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                String why = String.valueOf(root.getMessage());
                return new UsageException(why.contains(bind.getName().toString()) ? why
                        : bind.getMessage() + ": " + why);
            }
        }
        return null;
    }

    private static String describe(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (ex instanceof BeanCreationException) {
            return "could not start: " + root.getMessage();
        }
        return root == ex ? String.valueOf(ex.getMessage()) : ex.getMessage() + " (" + root.getMessage() + ")";
    }
}
