package org.watchbrief.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * The command line's say over logging. Logs go to stderr (logback.xml): concise by default, only
 * Watchbrief's own milestones; {@code --verbose} adds Watchbrief's debug lines, Spring Batch's
 * step lines and Spring's start-up errors in full. While a progress bar is drawn, Watchbrief's
 * info lines are held back, since the bar and the final summary say the same.
 */
final class Logging {

    private static volatile boolean verbose;

    private Logging() {
    }

    static void setVerbose(boolean on) {
        verbose = on;
        if (on) {
            // logback.xml prints an exception's first frame unless this says otherwise
            System.setProperty("WATCHBRIEF_LOG_EXCEPTIONS", "%ex");
            springProperties().forEach((name, level) -> level(name.substring("logging.level.".length()),
                    Level.toLevel(level.toString())));
        }
    }

    static boolean verbose() {
        return verbose;
    }

    /**
     * Spring Boot configures logging afresh when it starts, from logback.xml and the
     * {@code logging.level.*} properties: these carry {@code --verbose} across.
     */
    static Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (verbose) {
            properties.put("logging.level.org.watchbrief", "DEBUG");
            properties.put("logging.level.org.springframework.batch", "INFO");
            properties.put("logging.level.org.springframework.boot.SpringApplication", "ERROR");
            properties.put("logging.level.org.springframework.context", "WARN");
        }
        return properties;
    }

    /** Holds Watchbrief's info lines back until the returned handle is closed. */
    static Held quiet() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return () -> {
            };
        }
        Logger logger = context.getLogger("org.watchbrief");
        Level before = logger.getLevel();
        logger.setLevel(Level.WARN);
        return () -> logger.setLevel(before);
    }

    /** A change of levels, undone on close. */
    interface Held extends AutoCloseable {

        @Override
        void close();
    }

    private static void level(String name, Level level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(name).setLevel(level);
        }
    }
}
