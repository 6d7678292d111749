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
            "subject|\"Hi\\r\\nBcc: x@evil.example\"|subject: must be one line",
            "cron|'0 0 7,19 * * *'|cron: '0 0 7,19 * * *' fires more than once a day (at 07:00 and 19:00)",
            "cron|'0 0 7 30 2 *'|cron: '0 0 7 30 2 *' never fires",
            "window|P0D|window: 'P0D' must be longer than zero days",
            "window|PT24H|window: 'PT24H' is not an ISO-8601 period",
            "themes|grooming|themes: must be a list",
            "recipients|[]|recipients: must not be empty",
            "recipients|[a@example.org, A@example.org]|recipients: 'A@example.org' is listed twice",
            "name|'weekly briefing'|name: 'weekly briefing' must be letters, digits, - and _" })
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "filters: [Home Office]|filters: must be a mapping of departments, sources, keywords",
            "filters: {departmnets: [Home Office]}|filters.departmnets: is not a field of filters; known: departments, sources, keywords",
            "filters: {departments: []}|filters.departments: is empty; leave it out to keep everything",
            "filters: {departments: Home Office}|filters.departments: must be a list",
            "filters: {sources: [twitter]}|filters.sources: 'twitter' is neither a document type",
            "filters: {keywords: [encryption]}|filters.keywords: must be a mapping of include, exclude",
            "filters: {keywords: {must: [encryption]}}|filters.keywords.must: is not a field of filters.keywords",
            "filters: {keywords: {include: [x]}}|filters.keywords.include: 'x' is too short to look for",
            "filters: {keywords: {include: [Encryption], exclude: [encryption]}}|filters.keywords.exclude: 'encryption' is also under include",
            "recipents: [managers@example.org]|recipents: is not a field of a schedule; known: name, description" })
    void refusesABadFilterOrAnUnknownFieldNamingIt(String line, String message) throws IOException {
        // given
        Path file = write(VALID + line + "\n");
        // when, then
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ScheduleFileException.class)
            .hasMessageStartingWith(file + ": ")
            .hasMessageContaining(message)
            .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("\n"));
    }

    @Test
    void readsAManagersFilters() throws IOException {
        // given
        Path file = write(VALID + """
                filters:
                  departments:
                    - Home Office
                    - Department for Science, Innovation and Technology
                  sources: [written-question, GOV.UK]
                  keywords:
                    include: [end-to-end encryption, E2EE]
                    exclude: [football]
                """);
        // when
        Schedule schedule = loader.load(file);
        // then
        assertThat(schedule.filter()).isEqualTo(new org.watchbrief.digest.DocumentFilter(
                java.util.List.of("Home Office", "Department for Science, Innovation and Technology"),
                java.util.List.of("written-question", "gov.uk"), java.util.List.of("end-to-end encryption", "E2EE"),
                java.util.List.of("football")));
    }

    @Test
    void aScheduleWithoutFiltersCoversEveryDocument() throws IOException {
        // when
        Schedule schedule = loader.load(write(VALID));
        // then
        assertThat(schedule.filter().isEmpty()).isTrue();
    }

    @Test
    void twoFilesWithOneNameAreRefusedAndEveryBadFileIsReported() throws IOException {
        // given
        write(VALID);
        Files.writeString(dir.resolve("weekly-copy.yml"), VALID);
        Files.writeString(dir.resolve("broken.yml"), VALID.replace("Europe/London", "Mars/Olympus"));
        // when
        java.util.List<ScheduleLoader.Checked> checked = loader.checkAll(dir);
        // then
        assertThat(checked).extracting(ScheduleLoader.Checked::problem)
            .containsExactly(dir.resolve("broken.yml") + ": zone: 'Mars/Olympus' is not a time zone (use a region such as Europe/London)",
                    null,
                    dir.resolve("weekly.yml") + ": name: 'weekly' is also the name of " + dir.resolve("weekly-copy.yml")
                            + "; each schedule needs its own name");
        assertThatThrownBy(() -> loader.loadAll(dir)).isInstanceOf(ScheduleFileException.class)
            .hasMessageContaining("broken.yml: zone:");
    }

    @Test
    void aMonthlyWindowEndingOnAMonthsLastDayIsThatCalendarMonth() throws IOException {
        // given
        Schedule monthly = loader.load(write(VALID.replace("P7D", "P1M")));
        // when, then
        assertThat(monthly.windowEnding(LocalDate.of(2026, 11, 30)))
            .isEqualTo(new Window(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
        assertThat(monthly.windowEnding(LocalDate.of(2027, 2, 28)))
            .isEqualTo(new Window(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28)));
    }

    @Test
    void aRunBriefsTheWindowEndingTheDayBeforeItsFireTimeInTheSchedulesZone() throws IOException {
        // given
        Schedule weekly = loader.load(write(VALID));
        // when: Monday 23 November 2026, 07:00 London
        Window window = weekly.windowFor(java.time.ZonedDateTime.parse("2026-11-23T07:00:00Z[UTC]"));
        // then
        assertThat(window).isEqualTo(new Window(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22)));
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        // given
        Path file = write(VALID.replaceAll("(?m)^cron:.*$", ""));
        // when, then
        assertThatThrownBy(() -> loader.load(file)).hasMessage(file + ": cron: is missing");
    }
}
