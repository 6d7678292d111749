package org.watchbrief.cli;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.watchbrief.WatchbriefApplication;

/** Starts the Spring application on first use and closes it at the end of the command. */
final class SpringServices implements Services, AutoCloseable {

    private ConfigurableApplicationContext context;

    @Override
    public synchronized <T> T get(Class<T> type) {
        if (context == null) {
            context = new SpringApplicationBuilder(WatchbriefApplication.class).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .web(WebApplicationType.NONE)
                .run();
        }
        return context.getBean(type);
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
        }
    }
}
