package org.watchbrief.cli;

/**
 * Where commands get the application's services. Commands that need only files (analyze) never
 * call it, so the application context, the database and Flyway start only when a command needs
 * them.
 */
@FunctionalInterface
public interface Services {

    <T> T get(Class<T> type);
}
