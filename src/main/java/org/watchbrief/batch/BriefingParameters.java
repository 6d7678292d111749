package org.watchbrief.batch;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.watchbrief.digest.Window;

/**
 * The briefing job's parameters. The schedule's name and the window's end identify a briefing, so
 * Spring Batch itself makes each window briefed once and restarts a failed one where it stopped;
 * the window's start goes along without identifying.
 */
public record BriefingParameters(String scheduleName, Window window) {

    static final String SCHEDULE = "schedule";

    static final String WINDOW_END = "windowEnd";

    static final String WINDOW_START = "windowStart";

    public BriefingParameters {
        Objects.requireNonNull(scheduleName, "scheduleName");
        Objects.requireNonNull(window, "window");
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder().addString(SCHEDULE, scheduleName)
            .addLocalDate(WINDOW_END, window.end())
            .addLocalDate(WINDOW_START, window.start(), false)
            .toJobParameters();
    }

    public static BriefingParameters from(JobParameters parameters) {
        LocalDate end = parameters.getLocalDate(WINDOW_END);
        LocalDate start = parameters.getLocalDate(WINDOW_START);
        return new BriefingParameters(parameters.getString(SCHEDULE), new Window(start == null ? end : start, end));
    }
}
