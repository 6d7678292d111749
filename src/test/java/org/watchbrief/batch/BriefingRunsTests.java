package org.watchbrief.batch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a failure stored as a stack trace becomes the one line an operator reads in {@code jobs}. */
class BriefingRunsTests {

    @Test
    void keepsTheMessageAndNamesARootCauseThatAddsSomething() {
        // given
        String stackTrace = """
                org.watchbrief.render.RenderException: cannot write out/briefing.pdf
                \tat org.watchbrief.render.AtomicFiles.write(AtomicFiles.java:41)
                Caused by: java.io.UncheckedIOException: wrapped
                \tat x.y.Z.a(Z.java:1)
                Caused by: java.nio.file.FileSystemException: out: No space left on device
                \tat x.y.Z.b(Z.java:2)
                """;
        // then
        assertThat(BriefingRuns.firstCause(stackTrace))
            .isEqualTo("cannot write out/briefing.pdf (FileSystemException: out: No space left on device)");
    }

    @Test
    void aStackTraceCutBeforeItsCauseGivesItsMessage() {
        assertThat(BriefingRuns.firstCause("java.lang.IllegalStateException: the composed digest is missing\n\tat a.B"))
            .isEqualTo("the composed digest is missing");
        assertThat(BriefingRuns.firstCause("java.lang.NullPointerException\n\tat a.B")).isEqualTo("NullPointerException");
    }

    @Test
    void plainTextComesBackAsItIs() {
        assertThat(BriefingRuns.firstCause("abandoned on 2026-11-23T05:44:39: the process running it had stopped"))
            .isEqualTo("abandoned on 2026-11-23T05:44:39: the process running it had stopped");
        assertThat(BriefingRuns.firstCause("")).isNull();
        assertThat(BriefingRuns.firstCause(null)).isNull();
    }
}
