package org.watchbrief.batch;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockPropertiesTests {

    @Test
    void aHoldShorterThanThirtySecondsIsRefusedNamingThePropertyAndTheLeastItMayBe() {
        // when, then
        assertThatThrownBy(() -> new LockProperties(Duration.ofSeconds(10)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("watchbrief.lock.hold is 10s; it must be at least 30s (a holder extends its lock every half "
                    + "of it)");
    }

    @Test
    void aHoldOfAMinuteIsKept() {
        // when
        LockProperties properties = new LockProperties(Duration.ofMinutes(1));
        // then
        assertThat(properties.hold()).isEqualTo(Duration.ofMinutes(1));
    }
}
