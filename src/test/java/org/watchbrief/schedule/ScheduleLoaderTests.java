package org.watchbrief.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchbrief.digest.Window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleLoaderTests {

    @TempDir
    Path dir;

    private final ScheduleLoader loader = new ScheduleLoader(Set.of("grooming", "livestreaming", "data_sharing",
            "legislation"));

    private static final String VALID = """
            name: weekly
            description: Weekly briefing for managers
            cron: "0 0 7 * * MON"
            zone: Europe/London
            window: P7D
            themes: [grooming, livestreaming]
            formats: [docx, pdf]
            recipients: [managers@example.org]
            subject: "Briefing, week to {windowEnd}"
            """;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("weekly.yml"), yaml);
    }

    @Test
    void loadsTheProjectsOwnSchedules() {
        assertThat(loader.loadAll(Path.of("schedules"))).extracting(Schedule::name)
            .containsExactly("monthly", "weekly");
    }

    @Test
    void aSevenDayWindowEndingOnADayReachesBackSevenDays() throws IOException {
        // given
        Schedule schedule = loader.load(write(VALID));
        // when
        Window window = schedule.windowEnding(LocalDate.of(2026, 11, 22));
        // then
        assertThat(window).isEqualTo(new Window(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22)));
        assertThat(schedule.subjectFor(window)).isEqualTo("Briefing, week to 2026-11-22");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "cron|'0 0 7 * MON'|cron: '0 0 7 * MON' is not a Spring cron expression",
            "zone|Europe/Londres|zone: 'Europe/Londres' is not a time zone",
            "window|7 days|window: '7 days' is not an ISO-8601 period",
            "themes|[grooming, sport]|themes: 'sport' is not a theme",
            "formats|[docx, xlsx]|formats: 'xlsx' is not a format",
            "recipients|[not-an-address]|recipients: 'not-an-address' is not an email address",
            "recipients|['a@example.org, b@example.org']|holds 2 addresses",
            "recipients|[\"a@example.org\\nBcc: x@evil.example\"]|holds a line break",
            "subject|\"Hi\\r\\nBcc: x@evil.example\"|subject: must be one line" })
    void refusesABadFieldWithALineNamingTheFileAndTheField(String field, String value, String message)
            throws IOException {
        // given
        Path file = write(VALID.replaceAll("(?m)^" + field + ":.*$",
                java.util.regex.Matcher.quoteReplacement(field + ": " + value)));
        // when, then
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ScheduleFileException.class)
            .hasMessageStartingWith(file.toString())
            .hasMessageContaining(message)
            .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        // given
        Path file = write(VALID.replaceAll("(?m)^cron:.*$", ""));
        // when, then
        assertThatThrownBy(() -> loader.load(file)).hasMessage(file + ": cron: is missing");
    }
}
