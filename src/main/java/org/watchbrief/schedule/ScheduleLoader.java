package org.watchbrief.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads and validates schedule files. */
public final class ScheduleLoader {

    private static final Set<String> FORMATS = Set.of("docx", "pdf");

    private final Set<String> themes;

    /** @param themes the theme keys a schedule may name */
    public ScheduleLoader(Set<String> themes) {
        this.themes = Set.copyOf(themes);
    }

    /** Every {@code *.yml} and {@code *.yaml} file of the directory, in name order. */
    public List<Schedule> loadAll(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ScheduleFileException(directory, "directory",
                    "not found; create it or set watchbrief.schedules-dir");
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Schedule> schedules = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                .sorted().toList()) {
                schedules.add(load(file));
            }
            return schedules;
        }
        catch (IOException ex) {
            throw new ScheduleFileException(directory, "cannot be listed: " + ex.getMessage(), ex);
        }
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
            throw new ScheduleFileException(file, "is not valid YAML: " + ex.getMessage().lines().findFirst()
                .orElse(""), ex);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ScheduleFileException(file, "(file)", "must be a YAML mapping of name, cron, zone, ...");
        }
        Fields fields = new Fields(file, map);
        String name = fields.text("name", true);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
            throw new ScheduleFileException(file, "name", "'" + name + "' must be letters, digits, - and _");
        }
        String cron = fields.text("cron", true);
        if (!CronExpression.isValidExpression(cron)) {
            throw new ScheduleFileException(file, "cron", "'" + cron
                    + "' is not a Spring cron expression (six fields: second minute hour day month weekday)");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(fields.text("zone", true));
        }
        catch (DateTimeException ex) {
            throw new ScheduleFileException(file, "zone", "'" + fields.text("zone", true)
                    + "' is not a time zone (use a region such as Europe/London)");
        }
        Period window;
        try {
            window = Period.parse(fields.text("window", true));
        }
        catch (DateTimeParseException ex) {
            throw new ScheduleFileException(file, "window", "'" + fields.text("window", true)
                    + "' is not an ISO-8601 period in days, weeks or months (P7D, P1M)");
        }
        if (window.isNegative() || window.isZero()) {
            throw new ScheduleFileException(file, "window", "must be longer than zero days");
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
        for (String recipient : recipients) {
            validateAddress(file, recipient);
        }
        String subject = fields.text("subject", true);
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new ScheduleFileException(file, "subject", "must be one line (a line break would inject headers)");
        }
        return new Schedule(name, fields.text("description", false), cron, zone, window, themeList,
                formats.isEmpty() ? List.of("docx", "pdf") : formats, recipients, subject);
    }

    static void validateAddress(Path file, String recipient) {
        if (recipient.indexOf('\r') >= 0 || recipient.indexOf('\n') >= 0) {
            throw new ScheduleFileException(file, "recipients", "'" + oneLine(recipient)
                    + "' holds a line break (header injection); give one address per entry");
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(recipient, true);
            if (parsed.length != 1) {
                throw new ScheduleFileException(file, "recipients", "'" + recipient
                        + "' holds " + parsed.length + " addresses; give one address per entry");
            }
            new InternetAddress(recipient, true).validate();
        }
        catch (AddressException ex) {
            throw new ScheduleFileException(file, "recipients", "'" + recipient + "' is not an email address ("
                    + ex.getMessage() + ")");
        }
    }

    /** The value with line breaks shown as \\r and \\n, so an error stays one line. */
    static String oneLine(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n");
    }

    private record Fields(Path file, Map<?, ?> map) {

        String text(String field, boolean required) {
            Object value = map.get(field);
            if (value == null || value.toString().isBlank()) {
                if (required) {
                    throw new ScheduleFileException(file, field, "is missing");
                }
                return null;
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw new ScheduleFileException(file, field, "must be a single value");
            }
            return value.toString().strip();
        }

        List<String> list(String field, boolean required) {
            Object value = map.get(field);
            if (value == null) {
                if (required) {
                    throw new ScheduleFileException(file, field, "is missing");
                }
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                throw new ScheduleFileException(file, field, "must be a list, such as [a, b]");
            }
            if (required && list.isEmpty()) {
                throw new ScheduleFileException(file, field, "must not be empty");
            }
            return list.stream().map(item -> {
                if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                    throw new ScheduleFileException(file, field, "'" + item + "' must be a single value");
                }
                return item.toString();
            }).toList();
        }
    }
}
