package org.watchbrief.render;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

    @Test
    void writesPoundsTheWayBriefingsDo() {
        assertThat(Formats.pounds(new BigDecimal("21500000"))).isEqualTo("£21.5m");
        assertThat(Formats.pounds(new BigDecimal("1200000000"))).isEqualTo("£1.2bn");
        assertThat(Formats.pounds(new BigDecimal("250000"))).isEqualTo("£250,000");
        assertThat(Formats.pounds(new BigDecimal("1050000"))).isEqualTo("£1.05m");
        assertThat(Formats.pounds(BigDecimal.ZERO)).isEqualTo("£0");
    }
}
