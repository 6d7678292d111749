package org.watchbrief.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.watchbrief.batch.BriefingParameters;
import org.watchbrief.batch.BriefingParameters.Overrides;
import org.watchbrief.batch.RunSummary;
import org.watchbrief.digest.Window;

import static org.assertj.core.api.Assertions.assertThat;

/** The table {@code jobs} prints: one row per run, and under it what to know and what to do. */
class JobsCommandTests {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 9, 0);

    private static final BriefingParameters WEEK = new BriefingParameters("weekly",
            new Window(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22)));

    private static String table(RunSummary... runs) {
        StringWriter out = new StringWriter();
        JobsCommand.table(List.of(runs), NOW, new PrintWriter(out, true));
        return out.toString();
    }

    @Test
    void aFailedRunShowsItsStepItsCauseAndHowToResumeIt() {
        // given
        RunSummary failed = new RunSummary(7, "briefing", BatchStatus.FAILED, WEEK, NOW.minusMinutes(10),
                NOW.minusMinutes(9), NOW.minusMinutes(9), 15, 1, 14, 0, "render",
                "cannot write briefing.pdf (FileSystemException: No space left on device)", null);
        // when
        List<String> lines = table(failed).lines().toList();
        // then
        assertThat(lines.get(0)).startsWith("EXECUTION  STATUS  SCHEDULE  WINDOW");
        assertThat(lines.get(1)).matches("\\s+7  FAILED  weekly    2026-11-16\\.\\.2026-11-22\\s+15\\s+1\\s+14\\s+0"
                + "  2026-11-23 08:50  1m00s");
        assertThat(lines.get(2).strip())
            .isEqualTo("failed in step render: cannot write briefing.pdf (FileSystemException: No space left on device)");
        assertThat(lines.get(3).strip()).isEqualTo("to resume it: watchbrief restart 7");
    }

    @Test
    void aFailedRunThatALaterRunResumedSaysSo() {
        // given
        RunSummary resumed = new RunSummary(7, "briefing", BatchStatus.FAILED, WEEK, NOW, NOW, NOW, 0, 0, 0, 0,
                "render", "disk full", 8L);
        // then
        assertThat(table(resumed)).contains("resumed by execution 8").doesNotContain("watchbrief restart");
    }

    @Test
    void aRunLeftStartedSaysWhenItLastMovedAndHowToClearIt() {
        // given
        RunSummary stale = new RunSummary(9, "briefing", BatchStatus.STARTED, WEEK, NOW.minusHours(3), null,
                NOW.minusHours(3).plusMinutes(2), 40, 0, 40, 0, "intake", null, null);
        // when
        List<String> lines = table(stale).lines().toList();
        // then
        assertThat(lines.get(1)).as("no duration while it has not ended").endsWith("  -");
        assertThat(lines.get(2).strip()).isEqualTo("marked STARTED in step intake, last progress 2026-11-23 06:02 "
                + "(2h58m ago); if no watchbrief process is running it: watchbrief abandon 9");
    }

    @Test
    void anAdHocRunSaysWhatItChanged() {
        // given
        BriefingParameters adHoc = new BriefingParameters("weekly", WEEK.window(),
                new Overrides(null, List.of("grooming"), null, List.of(), null));
        RunSummary run = new RunSummary(3, "briefing", BatchStatus.COMPLETED, adHoc, NOW, NOW.plusSeconds(4),
                NOW.plusSeconds(4), 2, 0, 2, 0, null, null, null);
        // then
        assertThat(table(run)).contains("ad hoc: themes grooming; no email").doesNotContain("restart", "abandon");
    }
}
