package org.watchbrief.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.scheduling.support.CronExpression;
import org.watchbrief.delivery.EmailAddresses;
import org.watchbrief.digest.DocumentFilter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates schedule files. Every mistake is one line naming the file, the field and
 * what is wrong: a bad cron, zone, window, theme, format, address, subject or filter, an unknown
 * field (a typo would otherwise be silently ignored), or a name two files share.
 */
public final class ScheduleLoader {

    private static final Set<String> FORMATS = Set.of("docx", "pdf");

    private static final List<String> FIELDS = List.of("name", "description", "cron", "zone", "window", "themes",
            "formats", "recipients", "subject", "filters");

    private static final List<String> FILTERS = List.of("departments", "sources", "keywords");

    private static final List<String> KEYWORDS = List.of("include", "exclude");

    /** An ordinary day to look at a cron expression's fire times from (no summer-time change near it). */
    private static final LocalDateTime REFERENCE = LocalDateTime.of(2025, 1, 6, 0, 0);

    private final Set<String> themes;

    /** @param themes the theme keys a schedule may name */
    public ScheduleLoader(Set<String> themes) {
        this.themes = Set.copyOf(themes);
    }

    /** A schedule file and what came of reading it: a schedule, or the one-line problem. */
    public record Checked(Path file, Schedule schedule, String problem) {

        public boolean valid() {
            return problem == null;
        }
    }

    /**
     * Every {@code *.yml} and {@code *.yaml} file of the directory, in name order.
     *
     * @throws ScheduleFileException for the first file that is wrong
     */
    public List<Schedule> loadAll(Path directory) {
        List<Schedule> schedules = new ArrayList<>();
        for (Checked checked : checkAll(directory)) {
            if (!checked.valid()) {
                throw new ScheduleFileException(checked.problem());
            }
            schedules.add(checked.schedule());
        }
        return schedules;
    }

    /**
     * Reads every schedule file of the directory, carrying on past bad ones, so that all the
     * problems can be reported at once.
     *
     * @throws ScheduleFileException when the directory itself cannot be read
     */
    public List<Checked> checkAll(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ScheduleFileException(directory, "directory", "not found; create it or set watchbrief.schedules-dir");
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                .sorted()
                .toList();
        }
        catch (IOException ex) {
            throw new ScheduleFileException(directory, "cannot be listed: " + ex.getMessage(), ex);
        }
        List<Checked> checked = new ArrayList<>();
        Map<String, Path> names = new HashMap<>();
        for (Path file : files) {
            try {
                Schedule schedule = load(file);
                Path other = names.putIfAbsent(schedule.name(), file);
                if (other != null) {
                    throw new ScheduleFileException(file, "name", "'" + schedule.name() + "' is also the name of "
                            + other + "; each schedule needs its own name");
                }
                checked.add(new Checked(file, schedule, null));
            }
            catch (ScheduleFileException ex) {
                checked.add(new Checked(file, null, ex.getMessage()));
            }
        }
        return checked;
    }

    public Schedule load(Path file) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        catch (IOException ex) {
            throw new ScheduleFileException(file, "cannot be read: " + ex.getMessage(), ex);
        }
        catch (YAMLException ex) {
            throw new ScheduleFileException(file, "is not valid YAML: " + oneLine(ex.getMessage().lines()
                .findFirst()
                .orElse("")), ex);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ScheduleFileException(file, "(file)", "must be a YAML mapping of name, cron, zone, ...");
        }
        Fields fields = new Fields(file, "", map, FIELDS);
        String name = fields.text("name", true);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new ScheduleFileException(file, "name", "'" + name + "' must be letters, digits, - and _");
        }
        ZoneId zone = zone(fields);
        String cron = cron(fields, zone);
        Period window;
        try {
            window = Period.parse(fields.text("window", true));
        }
        catch (DateTimeParseException ex) {
            throw new ScheduleFileException(file, "window", "'" + fields.text("window", true)
                    + "' is not an ISO-8601 period in days, weeks or months (P7D, P2W, P1M)");
        }
        if (window.isNegative() || window.isZero()) {
            throw new ScheduleFileException(file, "window", "'" + fields.text("window", true)
                    + "' must be longer than zero days");
        }
        List<String> themeList = fields.list("themes", false);
        for (String theme : themeList) {
            if (!themes.contains(theme)) {
                throw new ScheduleFileException(file, "themes", "'" + theme + "' is not a theme; known themes: "
                        + String.join(", ", themes.stream().sorted().toList()));
            }
        }
        List<String> formats = fields.list("formats", false);
        for (String format : formats) {
            if (!FORMATS.contains(format)) {
                throw new ScheduleFileException(file, "formats", "'" + format + "' is not a format; use docx, pdf");
            }
        }
        List<String> recipients = fields.list("recipients", true);
        Set<String> seen = new HashSet<>();
        for (String recipient : recipients) {
            try {
                EmailAddresses.parse(recipient);
            }
            catch (IllegalArgumentException ex) {
                throw new ScheduleFileException(file, "recipients", ex.getMessage());
            }
            if (!seen.add(recipient.toLowerCase(Locale.ROOT))) {
                throw new ScheduleFileException(file, "recipients", "'" + recipient + "' is listed twice");
            }
        }
        String subject = fields.text("subject", true);
        try {
            EmailAddresses.requireOneLine(subject);
        }
        catch (IllegalArgumentException ex) {
            throw new ScheduleFileException(file, "subject", "must be one line: " + ex.getMessage());
        }
        return new Schedule(name, fields.text("description", false), cron, zone, window, themeList,
                formats.isEmpty() ? List.of("docx", "pdf") : formats, recipients, subject, filter(fields));
    }

    private static ZoneId zone(Fields fields) {
        String zone = fields.text("zone", true);
        try {
            return ZoneId.of(zone);
        }
        catch (DateTimeException ex) {
            throw new ScheduleFileException(fields.file(), "zone", "'" + zone
                    + "' is not a time zone (use a region such as Europe/London)");
        }
    }

    /** A valid expression that fires, and at most once a day: a briefing's window ends on a day. */
    private static String cron(Fields fields, ZoneId zone) {
        String cron = fields.text("cron", true);
        if (!CronExpression.isValidExpression(cron)) {
            throw new ScheduleFileException(fields.file(), "cron", "'" + cron
                    + "' is not a Spring cron expression (six fields: second minute hour day month weekday)");
        }
        List<ZonedDateTime> first = new FireTimes(cron, zone).next(2, REFERENCE.atZone(zone).toInstant());
        if (first.isEmpty()) {
            throw new ScheduleFileException(fields.file(), "cron", "'" + cron + "' never fires (no such date)");
        }
        if (first.size() == 2 && first.get(0).toLocalDate().equals(first.get(1).toLocalDate())) {
            throw new ScheduleFileException(fields.file(), "cron", "'" + cron + "' fires more than once a day (at "
                    + first.get(0).toLocalTime() + " and " + first.get(1).toLocalTime()
                    + "); a briefing's window ends on a day, so a schedule runs at most once a day");
        }
        return cron;
    }

    private static DocumentFilter filter(Fields fields) {
        Fields filters = fields.mapping("filters", FILTERS);
        if (filters == null) {
            return DocumentFilter.NONE;
        }
        List<String> departments = filters.list("departments", false);
        for (String department : departments) {
            filters.requireOneLine("departments", department);
        }
        List<String> sources = new ArrayList<>();
        for (String source : filters.list("sources", false)) {
            String value = source.strip().toLowerCase(Locale.ROOT);
            if (!DocumentFilter.isSource(value)) {
                throw filters.problem("sources", "'" + source + "' is neither a document type ("
                        + String.join(", ", DocumentFilter.documentTypes()) + ") nor a web domain such as gov.uk");
            }
            sources.add(value);
        }
        Fields keywords = filters.mapping("keywords", KEYWORDS);
        List<String> include = keywords == null ? List.of() : keywords.list("include", false);
        List<String> exclude = keywords == null ? List.of() : keywords.list("exclude", false);
        Set<String> included = new LinkedHashSet<>();
        for (String keyword : include) {
            keywords.requireKeyword("include", keyword);
            included.add(keyword.strip().toLowerCase(Locale.ROOT));
        }
        for (String keyword : exclude) {
            keywords.requireKeyword("exclude", keyword);
            if (included.contains(keyword.strip().toLowerCase(Locale.ROOT))) {
                throw keywords.problem("exclude", "'" + keyword
                        + "' is also under include; a document cannot both mention it and not");
            }
        }
        return new DocumentFilter(departments.stream().map(String::strip).toList(), sources,
                include.stream().map(String::strip).toList(), exclude.stream().map(String::strip).toList());
    }

    /** The value with line breaks shown as \\r and \\n, so an error stays one line. */
    static String oneLine(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The fields of one mapping of a file; {@code prefix} names where it is ("filters."). */
    private record Fields(Path file, String prefix, Map<?, ?> map, List<String> known) {

        Fields {
            for (Object key : map.keySet()) {
                if (!known.contains(String.valueOf(key))) {
                    throw new ScheduleFileException(file, prefix + key, "is not a field of "
                            + (prefix.isEmpty() ? "a schedule" : prefix.substring(0, prefix.length() - 1))
                            + "; known: " + String.join(", ", known));
                }
            }
        }

        ScheduleFileException problem(String field, String problem) {
            return new ScheduleFileException(file, prefix + field, problem);
        }

        String text(String field, boolean required) {
            Object value = map.get(field);
            if (value == null || value.toString().isBlank()) {
                if (required) {
                    throw problem(field, "is missing");
                }
                return null;
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw problem(field, "must be a single value");
            }
            return value.toString().strip();
        }

        List<String> list(String field, boolean required) {
            Object value = map.get(field);
            if (value == null) {
                if (required) {
                    throw problem(field, "is missing");
                }
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                throw problem(field, "must be a list, such as [a, b]");
            }
            if (list.isEmpty()) {
                throw problem(field, required ? "must not be empty" : "is empty; leave it out to keep everything");
            }
            return list.stream().map(item -> {
                if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                    throw problem(field, "'" + item + "' must be a single value");
                }
                if (item.toString().isBlank()) {
                    throw problem(field, "holds an empty entry");
                }
                return item.toString();
            }).toList();
        }

        /** The nested mapping, or null when the field is absent. */
        Fields mapping(String field, List<String> knownFields) {
            Object value = map.get(field);
            if (value == null) {
                return null;
            }
            if (!(value instanceof Map<?, ?> nested)) {
                throw problem(field, "must be a mapping of " + String.join(", ", knownFields));
            }
            return new Fields(file, prefix + field + ".", nested, knownFields);
        }

        void requireOneLine(String field, String value) {
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw problem(field, "'" + oneLine(value) + "' holds a line break");
            }
        }

        void requireKeyword(String field, String keyword) {
            requireOneLine(field, keyword);
            if (keyword.strip().codePointCount(0, keyword.strip().length()) < 2) {
                throw problem(field, "'" + keyword + "' is too short to look for; give a word or phrase");
            }
        }
    }
}
