package org.watchbrief.cli;

import java.io.PrintWriter;
import java.sql.SQLException;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.bind.BindException;
import org.watchbrief.analysis.Taxonomy.TaxonomyException;
import org.watchbrief.schedule.ScheduleFileException;
import org.watchbrief.store.DatabaseOwner;
import org.watchbrief.store.DatabaseSettings.UnsafeSettingException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the command line and maps every outcome to DESIGN.md's exit codes: 0 success (or
 * nothing to do), 1 a run failed, 2 a usage or configuration error. An error is one line on
 * stderr, starting {@code watchbrief:}, naming the bad input and what to do.
 */
public final class Cli {

    /** H2's "database may be already in use" (another process holds the file database). */
    private static final int H2_DATABASE_IN_USE = 90020;

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
        String message = "watchbrief: " + firstLine(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        if (!(ex.getCause() instanceof TypeConversionException)) {
            // a bad value's message already lists the accepted forms; anything else points to the help
            message += " (see '" + commandLine.getCommandSpec().qualifiedName() + " --help')";
        }
        commandLine.getErr().println(commandLine.getColorScheme().errorText(message));
        return ExitCodes.USAGE;
    }

    private static int handleExecutionException(Exception ex, CommandLine commandLine,
            CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Throwable cause = configurationCause(ex);
        if (cause != null) {
            err.println(commandLine.getColorScheme().errorText("watchbrief: " + firstLine(cause.getMessage())));
            return ExitCodes.USAGE;
        }
        err.println(commandLine.getColorScheme().errorText("watchbrief: " + describe(ex)));
        if (Logging.verbose()) {
            ex.printStackTrace(err);
        }
        return ExitCodes.JOB_FAILED;
    }

    /** The usage or configuration error behind an exception, if that is what it is. */
    private static Throwable configurationCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UsageException || t instanceof ScheduleFileException || t instanceof TaxonomyException
                    || t instanceof UnsafeSettingException) {
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

    static String describe(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                String holder = DatabaseOwner.holderNamedIn(sql.getMessage()).map(h -> " (" + h + ")").orElse("");
                return "the database is in use by another watchbrief process" + holder + "; H2's file database "
                        + "allows one at a time, so nothing was done: wait for it to finish, or stop 'watchbrief "
                        + "serve' first";
            }
        }
        String rootMessage = firstLine(root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName());
        if (ex instanceof BeanCreationException) {
            return "could not start: " + rootMessage + " (--verbose shows the details)";
        }
        return root == ex ? rootMessage : firstLine(ex.getMessage()) + " (" + rootMessage + ")";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
