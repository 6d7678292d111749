package org.watchbrief.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.watchbrief.store.DatabaseOwner;
import org.watchbrief.store.DatabaseSettings;
import org.watchbrief.store.DatabaseSettings.UnsafeSettingException;

/**
 * The database's safety: settings that would make the driver run code or open a port are refused
 * before any bean (the DataSource first) is created, and an H2 file database records which
 * process has it open, so that a second process is told who holds it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Runs before any bean is created, so before the DataSource exists or connects. */
    @Bean
    static BeanFactoryPostProcessor refuseUnsafeDatabaseSettings(ConfigurableEnvironment environment) {
        return beanFactory -> {
            for (PropertySource<?> source : environment.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    for (String name : enumerable.getPropertyNames()) {
                        if (DatabaseSettings.reachesTheDatabase(name)) {
                            Object value = enumerable.getProperty(name);
                            Optional<String> refusal = DatabaseSettings.refusal(name,
                                    value == null ? null : environment.resolvePlaceholders(value.toString()));
                            if (refusal.isPresent()) {
                                throw new UnsafeSettingException(refusal.get());
                            }
                        }
                    }
                }
            }
        };
    }

    @Bean
    DatabaseOwnerFile databaseOwnerFile(DataSource dataSource, Environment environment) {
        return new DatabaseOwnerFile(dataSource, environment.getProperty("spring.datasource.url"));
    }

    /** Writes the H2 database's owner file once this process has the database open; removes it on close. */
    static final class DatabaseOwnerFile implements InitializingBean, DisposableBean {

        private final DataSource dataSource;

        private final String url;

        private Optional<DatabaseOwner> owner = Optional.empty();

        DatabaseOwnerFile(DataSource dataSource, String url) {
            this.dataSource = dataSource;
            this.url = url;
        }

        @Override
        public void afterPropertiesSet() throws SQLException {
            if (DatabaseOwner.h2File(url) == null || url.contains("ACCESS_MODE_DATA=r")) {
                return;
            }
            try (Connection opened = dataSource.getConnection()) {
                // H2 holds the file from the first connection until the pool closes
                owner = DatabaseOwner.record(url);
            }
        }

        @Override
        public void destroy() {
            owner.ifPresent(DatabaseOwner::release);
        }
    }
}
