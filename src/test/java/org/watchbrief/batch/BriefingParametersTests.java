package org.watchbrief.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.watchbrief.batch.BriefingParameters.Overrides;
import org.watchbrief.digest.Window;

import static org.assertj.core.api.Assertions.assertThat;

/** What identifies a briefing, and how an ad-hoc run's overrides travel with it. */
class BriefingParametersTests {

    private static final Window WEEK = new Window(LocalDate.of(2026, 11, 14), LocalDate.of(2026, 11, 20));

    private static final Path REPORTS = Path.of("/srv/reports");

    private static List<String> identifying(BriefingParameters parameters) {
        return parameters.toJobParameters().getIdentifyingParameters().stream().map(JobParameter::name).sorted().toList();
    }

    @Test
    void theSchedulesOwnBriefingIsIdentifiedByScheduleAndWindowEndAlone() {
        // given
        BriefingParameters scheduled = new BriefingParameters("weekly", WEEK);
        // then
        assertThat(identifying(scheduled)).containsExactly("schedule", "windowEnd");
        assertThat(scheduled.digestName()).isEqualTo("weekly");
        assertThat(scheduled.directory(REPORTS)).isEqualTo(Path.of("/srv/reports/weekly/2026-11-20"));
    }

    @Test
    void anAdHocRunIsAVariantWithItsOwnIdentityDigestAndFolder() {
        // given
        BriefingParameters scheduled = new BriefingParameters("weekly", WEEK);
        BriefingParameters grooming = new BriefingParameters("weekly", WEEK,
                new Overrides(null, List.of("grooming"), null, null, null));
        // then
        assertThat(identifying(grooming)).containsExactly("schedule", "variant", "windowEnd");
        assertThat(grooming.toJobParameters().getIdentifyingParameters())
            .isNotEqualTo(scheduled.toJobParameters().getIdentifyingParameters());
        assertThat(grooming.digestName()).matches("weekly\\+adhoc-[0-9a-f]{8}");
        assertThat(grooming.directory(REPORTS).toString()).matches("/srv/reports/weekly/2026-11-20-adhoc-[0-9a-f]{8}");
    }

    @Test
    void theSameOverridesMakeTheSameVariantAndOthersAnother() {
        // given
        Overrides one = new Overrides(null, List.of("grooming"), List.of("pdf", "docx"), List.of("b@x.org", "a@x.org"),
                null);
        Overrides same = new Overrides(null, List.of("grooming"), List.of("docx", "pdf"), List.of("a@x.org", "b@x.org"),
                null);
        Overrides otherThemes = new Overrides(null, List.of("livestreaming"), List.of("docx", "pdf"),
                List.of("a@x.org", "b@x.org"), null);
        // then
        assertThat(one.variant()).isEqualTo(same.variant()).isNotEqualTo(otherThemes.variant());
        assertThat(new Overrides(null, null, null, List.of(), null).variant())
            .as("--no-email is an override of its own")
            .isNotEqualTo(Overrides.NONE.variant());
    }

    @Test
    void overridesSurviveTheTripThroughJobParametersForARestart() {
        // given
        Overrides overrides = new Overrides(LocalDate.of(2026, 11, 14), List.of("grooming", "legislation"),
                List.of("pdf"), List.of(), Path.of("/tmp/out"));
        BriefingParameters adHoc = new BriefingParameters("weekly", WEEK, overrides);
        // when
        JobParameters stored = adHoc.toJobParameters();
        BriefingParameters back = BriefingParameters.from(stored);
        // then
        assertThat(back).isEqualTo(adHoc);
        assertThat(back.toJobParameters().getIdentifyingParameters()).isEqualTo(stored.getIdentifyingParameters());
        assertThat(back.directory(REPORTS)).isEqualTo(Path.of("/tmp/out"));
        assertThat(back.overrides().describe())
            .isEqualTo("from 2026-11-14; themes grooming, legislation; formats pdf; no email; out /tmp/out");
    }

    @Test
    void aPlainBriefingComesBackWithoutOverrides() {
        // given
        BriefingParameters scheduled = new BriefingParameters("weekly", WEEK);
        // when
        BriefingParameters back = BriefingParameters.from(scheduled.toJobParameters());
        // then
        assertThat(back).isEqualTo(scheduled);
        assertThat(back.adHoc()).isFalse();
    }
}
