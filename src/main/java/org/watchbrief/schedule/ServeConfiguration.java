package org.watchbrief.schedule;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daemon as a bean. It does nothing until {@code serve} starts it; when the application
 * closes (SIGTERM, Ctrl-C), it is stopped before the beans it depends on (the job, the database)
 * are closed, so a running briefing can reach a safe point first.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServeProperties.class)
class ServeConfiguration {

    @Bean(destroyMethod = "stop")
    ScheduleDaemon scheduleDaemon(Schedules schedules, BriefingTrigger trigger, Clock clock,
            ServeProperties properties) {
        return new ScheduleDaemon(schedules, trigger, clock, properties);
    }
}
