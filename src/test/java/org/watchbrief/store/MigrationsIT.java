package org.watchbrief.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.support.BothDatabases;
import org.watchbrief.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration, Watchbrief's own (db/migration/common) and the job repository's
 * (db/migration/{vendor}), runs unchanged on the database under test: H2, and in the
 * {@code postgresql} run of the suite, PostgreSQL.
 */
@SpringBootTest
@BothDatabases
class MigrationsIT {

    @TempDir
    static java.nio.file.Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, work);
    }

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyMigrationRunsOnTheDatabaseUnderTest() throws IOException {
        // given
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        String vendor = TestDatabase.isPostgreSQL() ? "postgresql" : "h2";
        // when: the application has started, migrating the empty database
        MigrationInfo[] applied = flyway.info().applied();
        // then
        assertThat(product).isEqualTo(TestDatabase.isPostgreSQL() ? "PostgreSQL" : "H2");
        assertThat(applied).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
        assertThat(Arrays.stream(applied).map(MigrationInfo::getScript).sorted().toList())
            .isEqualTo(scripts("common", vendor));
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void theJobRepositoryAndWatchbriefsTablesAreThere() {
        // when
        long executions = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
        long documents = count("SELECT COUNT(*) FROM document");
        long locks = count("SELECT COUNT(*) FROM shedlock");
        // then
        assertThat(executions + documents + locks).isZero();
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? -1 : count;
    }

    private static List<String> scripts(String... folders) throws IOException {
        List<String> names = new ArrayList<>();
        for (String folder : folders) {
            for (Resource script : new PathMatchingResourcePatternResolver()
                .getResources("classpath:db/migration/" + folder + "/*.sql")) {
                names.add(script.getFilename());
            }
        }
        return names.stream().sorted().toList();
    }
}
