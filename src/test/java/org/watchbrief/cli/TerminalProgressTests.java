package org.watchbrief.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress bar a person watching a long run sees on the terminal. */
class TerminalProgressTests {

    @Test
    void showsTheStepTheDocumentsReadAndTheRate() {
        // given
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(terminal, true, StandardCharsets.UTF_8));
        // when
        progress.stepStarted("intake");
        for (int i = 1; i <= 15; i++) {
            progress.documentsRead(i);
        }
        progress.stepStarted("render");
        progress.finished();
        // then
        String shown = terminal.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("Briefing", "15/? documents", "documents/s", " done");
    }
}
