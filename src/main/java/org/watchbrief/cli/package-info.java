/**
 * The command line (picocli): the only room that prints to the terminal. {@link org.watchbrief.cli.Cli}
 * builds it and maps outcomes to exit codes; Spring starts only for the commands that need it, so
 * {@code analyze}, {@code --help} and {@code --version} never touch the database.
 * <p>
 * The conventions every command follows, so that the tool reads as one:
 * <ul>
 * <li><b>Shape.</b> One class per verb, {@code Callable<Integer>}, options and delegation only, listed
 * in {@link org.watchbrief.cli.WatchbriefCommand}'s subcommands. Services come through a constructor
 * taking {@link org.watchbrief.cli.Services}; a command that only reads asks
 * {@code services.readOnly()} (no migration, no write, no database created).</li>
 * <li><b>Help.</b> {@code mixinStandardHelpOptions = true, usageHelpAutoWidth = true}. The first
 * description line is a one-line summary in the imperative ("Make a briefing now."), shown in the
 * command list; then a blank line and what the command does, in a user's words. The footer ends with
 * "Examples:", each example a {@code "  # what it does"} line above a {@code "  watchbrief ..."} line.
 * Footer lines fit 80 columns (picocli wraps them badly otherwise). Option labels: DATE, DIR, N, ADDRESS.</li>
 * <li><b>Output.</b> Results go to {@code spec.commandLine().getOut()} (stdout) and nothing else does,
 * so that scripts can read it; {@code --json} prints one object per line (JSON Lines) with snake_case
 * keys. Logs (SLF4J), progress and errors go to stderr.</li>
 * <li><b>Errors.</b> A bad value or combination throws {@link org.watchbrief.cli.UsageException}: one
 * line naming the value and what would do, exit code 2 (schedule and taxonomy errors are exit 2 too).
 * Anything else is exit code 1 with a one-line message; {@code --verbose} adds the stack trace. Never
 * {@code System.exit} or {@code printStackTrace} in a command.</li>
 * <li><b>Exit codes</b> ({@link org.watchbrief.cli.ExitCodes}): 0 done, including "nothing to do"; 1 a
 * run failed (the message names the step and the execution to restart); 2 usage or configuration.</li>
 * <li><b>Dates</b> use {@link org.watchbrief.cli.DateConverter.Start} for a window's first day and
 * {@link org.watchbrief.cli.DateConverter.End} for its last.</li>
 * <li><b>Long work</b> runs inside {@link org.watchbrief.cli.TerminalProgress#around}: a progress bar
 * when a person watches a terminal, plain periodic log lines otherwise.</li>
 * <li><b>{@code --verbose}</b> ({@code -v}) is inherited by every command: debug logs instead of the bar.</li>
 * </ul>
 */
package org.watchbrief.cli;
