package org.watchbrief.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.watchbrief.WatchbriefApplication;
import org.watchbrief.store.DatabaseOwner;

/** Starts the Spring application on first use and closes it at the end of the command. */
final class SpringServices implements Services, AutoCloseable {

    /** H2's in-memory database, standing in for a file database that does not exist yet. */
    private static final String EMPTY_DATABASE = "jdbc:h2:mem:watchbrief-read-only;DB_CLOSE_DELAY=-1";

    private final boolean readOnly;

    private ConfigurableApplicationContext context;

    private SpringServices readOnlyServices;

    SpringServices() {
        this(false);
    }

    private SpringServices(boolean readOnly) {
        this.readOnly = readOnly;
    }

    @Override
    public synchronized <T> T get(Class<T> type) {
        if (context == null) {
            SpringApplicationBuilder application = new SpringApplicationBuilder(WatchbriefApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .web(WebApplicationType.NONE)
                .properties(Logging.springProperties());
            if (readOnly) {
                application.listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> readOnly(
                        event.getEnvironment()));
            }
            context = application.run();
        }
        return context.getBean(type);
    }

    @Override
    public synchronized Services readOnly() {
        if (readOnly) {
            return this;
        }
        if (readOnlyServices == null) {
            readOnlyServices = new SpringServices(true);
        }
        return readOnlyServices;
    }

    /**
     * No migrations; an H2 file database is opened read-only (H2 then refuses any write), and one
     * that does not exist yet is replaced by an empty one in memory rather than created on disk.
     */
    private static void readOnly(ConfigurableEnvironment environment) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.flyway.enabled", "false");
        String url = environment.getProperty("spring.datasource.url", "");
        Path file = DatabaseOwner.h2File(url);
        if (file != null && Files.exists(Path.of(file + ".mv.db"))) {
            properties.put("spring.datasource.url", url + ";ACCESS_MODE_DATA=r");
        }
        else if (file != null) {
            properties.put("spring.datasource.url", EMPTY_DATABASE);
            properties.put("spring.flyway.enabled", "true");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("watchbrief-read-only", properties));
    }

    @Override
    public synchronized void close() {
        if (readOnlyServices != null) {
            readOnlyServices.close();
        }
        if (context != null) {
            context.close();
        }
    }
}
