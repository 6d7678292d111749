package org.watchbrief.cli;

/**
 * Where commands get the application's services. Commands that need only files (analyze) never
 * call it, so the application context, the database and Flyway start only when a command needs
 * them.
 */
@FunctionalInterface
public interface Services {

    <T> T get(Class<T> type);

    /**
     * Services for a command that only reads ({@code jobs}, {@code run --dry-run}): the database
     * is opened without migrating it or writing to it, and one that does not exist yet is not
     * created. By default, these same services.
     */
    default Services readOnly() {
        return this;
    }
}
