package org.watchbrief.schedule;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.watchbrief.digest.DocumentFilter;
import org.watchbrief.digest.Window;

/**
 * A briefing schedule, as one file of {@code schedules/} describes it.
 *
 * @param name the schedule's name, part of each briefing's identity
 * @param description what it is for, {@code null} when the file gives none
 * @param cron when it runs: a Spring cron expression, six fields, read as wall-clock time in {@code zone}
 * @param zone the time zone of the cron expression and of window dates
 * @param window how far back each digest reaches from its end
 * @param themes the themes its digests cover (empty: all)
 * @param formats the files it writes: docx, pdf
 * @param recipients who receives it
 * @param subject the email subject; {windowStart}, {windowEnd} and {name} are filled in
 * @param filter which documents it covers beyond window and themes; {@link DocumentFilter#NONE} for all
 */
public record Schedule(String name, String description, String cron, ZoneId zone, Period window,
        List<String> themes, List<String> formats, List<String> recipients, String subject, DocumentFilter filter) {

    public Schedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(window, "window");
        themes = List.copyOf(themes);
        formats = List.copyOf(formats);
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(subject, "subject");
        filter = filter == null ? DocumentFilter.NONE : filter;
    }

    /** A schedule without filters. */
    public Schedule(String name, String description, String cron, ZoneId zone, Period window, List<String> themes,
            List<String> formats, List<String> recipients, String subject) {
        this(name, description, cron, zone, window, themes, formats, recipients, subject, DocumentFilter.NONE);
    }

    /**
     * The window that ends on the given day and reaches back {@link #window()}: seven days for
     * P7D, the calendar month for P1M ending on a month's last day.
     */
    public Window windowEnding(LocalDate end) {
        return new Window(end.plusDays(1).minus(window), end);
    }

    /**
     * The window a run fired at this time briefs: the one ending the day before, in the
     * schedule's zone (the last whole day), as {@code run} does by default.
     */
    public Window windowFor(ZonedDateTime fireTime) {
        return windowEnding(fireTime.withZoneSameInstant(zone).toLocalDate().minusDays(1));
    }

    /** When it fires. */
    public FireTimes fireTimes() {
        return new FireTimes(cron, zone);
    }

    /** The subject for a window, its placeholders filled in. */
    public String subjectFor(Window window) {
        String subject = this.subject;
        for (Map.Entry<String, String> value : Map.of("{windowStart}", window.start().toString(), "{windowEnd}",
                window.end().toString(), "{name}", name).entrySet()) {
            subject = subject.replace(value.getKey(), value.getValue());
        }
        return subject;
    }
}
