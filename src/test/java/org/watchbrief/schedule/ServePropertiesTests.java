package org.watchbrief.schedule;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ServePropertiesTests {

    private static ServeProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("watchbrief.serve",
                ServeProperties.class);
    }

    @Test
    void aWindowBeingBriefedElsewhereIsLookedAtAgainEveryMinuteByDefault() {
        // when
        ServeProperties properties = bind(Map.of());
        // then
        assertThat(properties.retryInProgressAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.retryFailedAfter()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void howOftenIsSetByProperty() {
        // when
        ServeProperties properties = bind(Map.of("watchbrief.serve.retry-in-progress-after", "15s"));
        // then
        assertThat(properties.retryInProgressAfter()).isEqualTo(Duration.ofSeconds(15));
    }
}
