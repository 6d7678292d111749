package org.watchbrief.batch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.watchbrief.digest.Window;
import org.watchbrief.schedule.Schedule;

/**
 * The briefing job's parameters. The schedule's name and the window's end identify a briefing, so
 * Spring Batch itself makes each window briefed once and restarts a failed one where it stopped;
 * the window's start goes along without identifying.
 * <p>
 * An ad-hoc run may override what its schedule says ({@link Overrides}). Such a run is a variant
 * of the window's briefing: one more identifying parameter, {@code variant}, names the set of
 * overrides, so the variant is briefed once per window and set of overrides, apart from the
 * schedule's own briefing, which it neither blocks nor is blocked by. Its digest is stored under
 * {@link #digestName()} and written to {@link #directory(Path)}, never over the schedule's own.
 * The overrides themselves travel as non-identifying parameters that the steps read.
 */
public record BriefingParameters(String scheduleName, Window window, Overrides overrides) {

    static final String SCHEDULE = "schedule";

    static final String WINDOW_END = "windowEnd";

    static final String WINDOW_START = "windowStart";

    static final String VARIANT = "variant";

    static final String FROM = "from";

    static final String THEMES = "themes";

    static final String FORMATS = "formats";

    static final String RECIPIENTS = "recipients";

    static final String OUT = "out";

    public BriefingParameters {
        Objects.requireNonNull(scheduleName, "scheduleName");
        Objects.requireNonNull(window, "window");
        overrides = overrides == null ? Overrides.NONE : overrides;
        if (overrides.from() != null && !overrides.from().equals(window.start())) {
            throw new IllegalArgumentException("the overridden start " + overrides.from() + " is not the window's start "
                    + window.start());
        }
    }

    /** The schedule's own briefing of a window, as the scheduler and a plain {@code run} make it. */
    public BriefingParameters(String scheduleName, Window window) {
        this(scheduleName, window, Overrides.NONE);
    }

    public boolean adHoc() {
        return !overrides.none();
    }

    /** The name the digest is stored under: the schedule's, or {@code weekly+adhoc-1a2b3c4d} for a variant. */
    public String digestName() {
        return adHoc() ? scheduleName + "+" + overrides.variant() : scheduleName;
    }

    /**
     * Where the digest's files go: {@code --out} when given, else
     * {@code <reports-dir>/<schedule>/<window-end>} ({@code <window-end>-adhoc-1a2b3c4d} for a variant).
     */
    public Path directory(Path reportsDir) {
        if (overrides.out() != null) {
            return overrides.out();
        }
        String end = window.end().toString();
        return reportsDir.resolve(scheduleName).resolve(adHoc() ? end + "-" + overrides.variant() : end);
    }

    /** The themes to cover: the overridden ones, else the schedule's (empty: all). */
    public List<String> themes(Schedule schedule) {
        return overrides.themes() != null ? overrides.themes() : schedule.themes();
    }

    public List<String> formats(Schedule schedule) {
        return overrides.formats() != null ? overrides.formats() : schedule.formats();
    }

    /** Who receives the digest: the overridden addresses (empty for nobody), else the schedule's. */
    public List<String> recipients(Schedule schedule) {
        return overrides.recipients() != null ? overrides.recipients() : schedule.recipients();
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder().addString(SCHEDULE, scheduleName)
            .addLocalDate(WINDOW_END, window.end())
            .addLocalDate(WINDOW_START, window.start(), false);
        if (adHoc()) {
            builder.addString(VARIANT, overrides.variant());
            if (overrides.from() != null) {
                builder.addLocalDate(FROM, overrides.from(), false);
            }
            addList(builder, THEMES, overrides.themes());
            addList(builder, FORMATS, overrides.formats());
            addList(builder, RECIPIENTS, overrides.recipients());
            if (overrides.out() != null) {
                builder.addString(OUT, overrides.out().toString(), false);
            }
        }
        return builder.toJobParameters();
    }

    private static void addList(JobParametersBuilder builder, String name, List<String> values) {
        if (values != null) {
            // an empty list (no recipients) is stored as "-": a blank value does not survive every database
            builder.addString(name, values.isEmpty() ? "-" : String.join(",", values), false);
        }
    }

    public static BriefingParameters from(JobParameters parameters) {
        LocalDate end = parameters.getLocalDate(WINDOW_END);
        LocalDate start = parameters.getLocalDate(WINDOW_START);
        String out = parameters.getString(OUT);
        Overrides overrides = new Overrides(parameters.getLocalDate(FROM), list(parameters.getString(THEMES)),
                list(parameters.getString(FORMATS)), list(parameters.getString(RECIPIENTS)),
                out == null ? null : Path.of(out));
        return new BriefingParameters(parameters.getString(SCHEDULE), new Window(start == null ? end : start, end),
                overrides);
    }

    private static List<String> list(String value) {
        if (value == null) {
            return null;
        }
        return value.equals("-") ? List.of() : Arrays.asList(value.split(","));
    }

    /**
     * What an ad-hoc run changes from its schedule; each {@code null} means "as the schedule says".
     *
     * @param from the window's first day, when chosen instead of the schedule's window
     * @param themes the themes to cover, in the order wanted
     * @param formats the files to write ({@code docx}, {@code pdf})
     * @param recipients who receives the digest; empty for nobody
     * @param out the folder to write the files into (made absolute)
     */
    public record Overrides(LocalDate from, List<String> themes, List<String> formats, List<String> recipients,
            Path out) {

        public static final Overrides NONE = new Overrides(null, null, null, null, null);

        public Overrides {
            themes = themes == null ? null : List.copyOf(new LinkedHashSet<>(themes));
            formats = formats == null ? null : List.copyOf(new TreeSet<>(formats));
            recipients = recipients == null ? null : List.copyOf(new TreeSet<>(recipients));
            out = out == null ? null : out.toAbsolutePath().normalize();
        }

        public boolean none() {
            return from == null && themes == null && formats == null && recipients == null && out == null;
        }

        /** "from 2026-09-01, themes grooming, no email": what differs from the schedule. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (from != null) {
                parts.add("from " + from);
            }
            if (themes != null) {
                parts.add("themes " + String.join(", ", themes));
            }
            if (formats != null) {
                parts.add("formats " + String.join(", ", formats));
            }
            if (recipients != null) {
                parts.add(recipients.isEmpty() ? "no email" : "email to " + String.join(", ", recipients));
            }
            if (out != null) {
                parts.add("out " + out);
            }
            return String.join("; ", parts);
        }

        /**
         * A short, stable name for this set of overrides ({@code adhoc-1a2b3c4d}): the same overrides
         * always give the same name, different ones a different name.
         */
        public String variant() {
            try {
                // a canonical form, kept apart from describe() so that rewording never renames a variant
                String key = "from=" + from + "|themes=" + themes + "|formats=" + formats + "|recipients=" + recipients
                        + "|out=" + out;
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
                return "adhoc-" + HexFormat.of().formatHex(hash, 0, 4);
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
            }
        }
    }
}
