package org.watchbrief.render;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.watchbrief.analysis.DatePrecision;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

    @Test
    void writesPoundsTheWayBriefingsDo() {
        assertThat(Formats.pounds(new BigDecimal("21500000"))).isEqualTo("£21.5m");
        assertThat(Formats.pounds(new BigDecimal("1200000000"))).isEqualTo("£1.2bn");
        assertThat(Formats.pounds(new BigDecimal("250000"))).isEqualTo("£250,000");
        assertThat(Formats.pounds(new BigDecimal("1050000"))).isEqualTo("£1.05m");
        assertThat(Formats.pounds(BigDecimal.ZERO)).isEqualTo("£0");
        assertThat(Formats.pounds(new BigDecimal("-2000000"))).isEqualTo("−£2m");
    }

    @Test
    void writesADateAtThePrecisionItIsKnown() {
        assertThat(Formats.when(LocalDate.of(2018, 9, 3), DatePrecision.DAY)).isEqualTo("3 September 2018");
        assertThat(Formats.when(LocalDate.of(2020, 3, 1), DatePrecision.MONTH)).isEqualTo("March 2020");
        assertThat(Formats.when(LocalDate.of(2018, 12, 1), DatePrecision.SEASON)).isEqualTo("Winter 2018–19");
        assertThat(Formats.when(LocalDate.of(2027, 3, 1), DatePrecision.SEASON)).isEqualTo("Spring 2027");
        assertThat(Formats.when(LocalDate.of(2019, 1, 1), DatePrecision.QUARTER)).isEqualTo("January–March 2019");
        assertThat(Formats.when(LocalDate.of(2019, 10, 1), DatePrecision.QUARTER)).isEqualTo("October–December 2019");
        assertThat(Formats.when(LocalDate.of(2018, 1, 1), DatePrecision.YEAR)).isEqualTo("2018");
    }

    @Test
    void saysHowASumChangedAgainstThePreviousWindow() {
        assertThat(Formats.change(new BigDecimal("42500000"), new BigDecimal("12500000")))
            .isEqualTo("up £30m on the previous window (£12.5m)");
        assertThat(Formats.change(new BigDecimal("1000000"), new BigDecimal("3000000")))
            .isEqualTo("down £2m on the previous window (£3m)");
        assertThat(Formats.change(new BigDecimal("5000000"), new BigDecimal("5000000.00")))
            .isEqualTo("the same as the previous window (£5m)");
        assertThat(Formats.change(new BigDecimal("5000000"), BigDecimal.ZERO)).isEqualTo("none in the previous window");
        assertThat(Formats.difference(new BigDecimal("1000000"), new BigDecimal("3000000"))).isEqualTo("−£2m");
        assertThat(Formats.difference(BigDecimal.ONE, BigDecimal.ONE)).isEqualTo("no change");
    }
}
