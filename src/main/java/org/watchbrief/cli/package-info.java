/**
 * The command line (picocli): the only room that prints to the terminal. One class per verb,
 * options and delegation only; {@link org.watchbrief.cli.Cli} maps outcomes to the exit codes of
 * DESIGN.md. Spring is started only by commands that need it, so {@code analyze} and
 * {@code --help} never touch the database.
 */
package org.watchbrief.cli;
