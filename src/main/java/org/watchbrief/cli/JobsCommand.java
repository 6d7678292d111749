package org.watchbrief.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.watchbrief.batch.BriefingParameters;
import org.watchbrief.batch.BriefingParameters.Overrides;
import org.watchbrief.batch.BriefingRuns;
import org.watchbrief.batch.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code watchbrief jobs}: the latest runs and what each did. */
@Command(name = "jobs", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = { "List the latest runs: status, counts, and where a failed run stopped.", "",
                "Lists the latest briefing runs (job executions), newest first: status, schedule and window, "
                + "documents read, quarantined and stored, emails sent, when it started and how long it took. For a "
                + "failed run, the step it failed in and why; for one still marked STARTED, the step it was in.",
                "Reads the database without changing it." },
        footer = { "", "Statuses: COMPLETED; FAILED (resume it: watchbrief restart EXECUTION);",
                "STARTED (running, or left so by a killed process: watchbrief abandon",
                "EXECUTION); STOPPED; ABANDONED.", "", "Examples:", "  # the last 10 runs", "  watchbrief jobs",
                "  # the last 50", "  watchbrief jobs --last 50",
                "  # the execution ids of the failed runs, for a script",
                "  watchbrief jobs --json | jq -r 'select(.status == \"FAILED\") | .execution'" })
class JobsCommand implements Callable<Integer> {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Services services;

    @Spec
    CommandSpec spec;

    @Option(names = "--last", paramLabel = "N", defaultValue = "10",
            description = "How many runs to list, newest first. Default: ${DEFAULT-VALUE}.")
    int last;

    @Option(names = "--json", description = "One JSON object per run per line, for scripts.")
    boolean json;

    JobsCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (last < 1) {
            throw new UsageException("--last " + last + ": give 1 or more");
        }
        List<RunSummary> runs = services.readOnly().get(BriefingRuns.class).latest(last);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            runs.forEach(run -> out.println(JSON.writeValueAsString(json(run))));
        }
        else if (runs.isEmpty()) {
            out.println("No runs yet. Make one with: watchbrief run");
        }
        else {
            table(runs, LocalDateTime.now(), out);
        }
        return ExitCodes.OK;
    }

    static void table(List<RunSummary> runs, LocalDateTime now, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] { "EXECUTION", "STATUS", "SCHEDULE", "WINDOW", "READ", "QUARANTINED", "STORED", "SENT",
                "STARTED", "TOOK" });
        for (RunSummary run : runs) {
            BriefingParameters p = run.parameters();
            rows.add(new String[] { String.valueOf(run.executionId()), run.status().name(),
                    p == null ? run.jobName() : p.scheduleName(), p == null ? "-" : p.window().toString(),
                    String.valueOf(run.read()), String.valueOf(run.skipped()), String.valueOf(run.written()),
                    String.valueOf(run.sent()), run.started() == null ? "-" : MINUTE.format(run.started()),
                    took(run.duration()) });
        }
        int[] widths = new int[rows.get(0).length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        String indent = " ".repeat(widths[0] + 2);
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths));
            if (r > 0) {
                notes(runs.get(r - 1), now).forEach(note -> out.println(indent + note));
            }
        }
    }

    /** The lines under a run: what was ad hoc about it, where it failed, what to do. */
    static List<String> notes(RunSummary run, LocalDateTime now) {
        List<String> notes = new ArrayList<>();
        if (run.parameters() != null && run.parameters().adHoc()) {
            notes.add("ad hoc: " + run.parameters().overrides().describe());
        }
        if (run.restartable()) {
            notes.add((run.step() == null ? "failed" : "failed in step " + run.step())
                    + (run.error() == null ? "" : ": " + run.error()));
            notes.add(run.resumedBy() == null ? "to resume it: watchbrief restart " + run.executionId()
                    : "resumed by execution " + run.resumedBy());
        }
        else if (run.running()) {
            notes.add("marked " + run.status() + (run.step() == null ? "" : " in step " + run.step())
                    + ", last progress " + ago(run.lastUpdated(), now) + "; if no watchbrief process is running it: "
                    + "watchbrief abandon " + run.executionId());
        }
        return notes;
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean number = i == 0 || (i >= 4 && i <= 7);
            String pad = " ".repeat(widths[i] - cells[i].length());
            line.append(number ? pad + cells[i] : cells[i] + pad).append(i < cells.length - 1 ? "  " : "");
        }
        return line.toString().stripTrailing();
    }

    static String took(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    static String ago(LocalDateTime when, LocalDateTime now) {
        if (when == null) {
            return "unknown";
        }
        return MINUTE.format(when) + " (" + took(Duration.between(when, now)) + " ago)";
    }

    static Map<String, Object> json(RunSummary run) {
        Map<String, Object> json = new LinkedHashMap<>();
        BriefingParameters p = run.parameters();
        json.put("execution", run.executionId());
        json.put("job", run.jobName());
        json.put("status", run.status().name());
        json.put("schedule", p == null ? null : p.scheduleName());
        json.put("window_start", p == null ? null : p.window().start().toString());
        json.put("window_end", p == null ? null : p.window().end().toString());
        json.put("ad_hoc", p == null || !p.adHoc() ? null : overrides(p.overrides()));
        json.put("started", iso(run.started()));
        json.put("ended", iso(run.ended()));
        json.put("last_updated", iso(run.lastUpdated()));
        json.put("duration_seconds", run.duration() == null ? null : run.duration().toMillis() / 1000.0);
        json.put("read", run.read());
        json.put("quarantined", run.skipped());
        json.put("stored", run.written());
        json.put("sent", run.sent());
        json.put("step", run.step());
        json.put("error", run.error());
        json.put("resumed_by", run.resumedBy());
        return json;
    }

    private static Map<String, Object> overrides(Overrides o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("variant", o.variant());
        json.put("from", o.from() == null ? null : o.from().toString());
        json.put("themes", o.themes());
        json.put("formats", o.formats());
        json.put("recipients", o.recipients());
        json.put("out", o.out() == null ? null : o.out().toString());
        return json;
    }

    private static String iso(LocalDateTime time) {
        return time == null ? null : time.toString();
    }
}
