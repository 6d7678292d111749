package org.watchbrief.store;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The database settings Watchbrief refuses before it connects: those that make the driver run
 * code or SQL of the setting's choosing, or open a port. H2 runs the script of an {@code INIT=}
 * setting ({@code RUNSCRIPT FROM 'http://...'}) and the Java of a {@code CREATE ALIAS} or
 * {@code CREATE TRIGGER} on connecting, and {@code AUTO_SERVER} opens a TCP server; the
 * PostgreSQL driver instantiates the classes its URL names ({@code socketFactory},
 * {@code sslfactory}, ...) and writes where {@code loggerFile} says. Watchbrief needs none of them:
 * its schema is made by Flyway. Plain functions; {@code batch.DatabaseConfiguration} applies them.
 */
public final class DatabaseSettings {

    /** What a setting may not hold, and why, in words for the error line. */
    private record Refused(Pattern pattern, String what, String why) {
    }

    private static final String RUNS_CODE = "which makes H2 run SQL or Java code when it connects";

    private static final String LOADS_CLASSES = "which makes the PostgreSQL driver load a class the setting names";

    private static final List<Refused> REFUSED = List.of(
            new Refused(Pattern.compile("(?i)(^|[;\\s])INIT\\s*="), "INIT=", RUNS_CODE),
            new Refused(Pattern.compile("(?i)RUNSCRIPT"), "RUNSCRIPT", RUNS_CODE),
            new Refused(Pattern.compile("(?i)CREATE\\s+(FORCE\\s+)?ALIAS"), "CREATE ALIAS", RUNS_CODE),
            new Refused(Pattern.compile("(?i)CREATE\\s+(FORCE\\s+)?TRIGGER"), "CREATE TRIGGER", RUNS_CODE),
            new Refused(Pattern.compile("(?i)AUTO_SERVER"), "AUTO_SERVER",
                    "which makes H2 open a TCP server for other processes"),
            new Refused(Pattern.compile("(?i)\\b(socketFactory|sslfactory|sslhostnameverifier|sslpasswordcallback"
                    + "|authenticationPluginClassName)\\s*="), "a class name (socketFactory, sslfactory, ...)",
                    LOADS_CLASSES),
            new Refused(Pattern.compile("(?i)\\bloggerFile\\s*="), "loggerFile=",
                    "which makes the PostgreSQL driver write a file the setting names"));

    /** The prefixes of the settings that reach the database driver, as relaxed property names. */
    private static final List<String> DATABASE_SETTINGS = List.of("spring.datasource.", "spring.flyway.",
            "spring.sql.init.");

    private DatabaseSettings() {
    }

    /** Whether a property (in any of Spring's relaxed spellings: SPRING_DATASOURCE_URL too) reaches the database. */
    public static boolean reachesTheDatabase(String propertyName) {
        String name = relaxed(propertyName);
        return DATABASE_SETTINGS.stream().anyMatch(name::startsWith) && !name.contains("password");
    }

    /**
     * Why a setting is refused, as one line naming the property but never its value (a URL may
     * carry a password); empty when it is safe.
     */
    public static Optional<String> refusal(String propertyName, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = relaxed(propertyName);
        for (Refused refused : REFUSED) {
            // H2 also takes its settings as connection properties (...data-source-properties.INIT)
            boolean inName = refused.what().equals("INIT=") && (name.endsWith(".init") || name.endsWith("[init]"));
            if (inName || refused.pattern().matcher(value).find()) {
                return Optional.of(propertyName + " holds " + refused.what() + ", " + refused.why()
                        + ": refused before connecting. Remove it (Watchbrief's schema is made by Flyway, and it "
                        + "never needs the database to run code)");
            }
        }
        return Optional.empty();
    }

    /** {@code SPRING_DATASOURCE_URL}, {@code spring.datasource.url} and {@code spring.dataSource.URL} alike. */
    private static String relaxed(String propertyName) {
        return propertyName.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
    }

    /** A database setting Watchbrief will not connect with: a configuration error, exit code 2. */
    public static final class UnsafeSettingException extends RuntimeException {

        public UnsafeSettingException(String message) {
            super(message);
        }
    }
}
