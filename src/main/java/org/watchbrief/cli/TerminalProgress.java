package org.watchbrief.cli;

import java.io.PrintStream;
import java.util.function.Function;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.watchbrief.batch.BriefingProgress;

/**
 * A progress bar on the terminal (me.tongfei:progressbar): the step under way, the documents read
 * so far and the rate. Used only when a person is watching: on a terminal and without
 * {@code --verbose}; otherwise the job logs plain progress lines.
 */
final class TerminalProgress implements BriefingProgress {

    private final PrintStream stream;

    private ProgressBar bar;

    TerminalProgress(PrintStream stream) {
        this.stream = stream;
    }

    /**
     * The display for a run: a bar when stdout and stdin are a terminal (a person is watching, and
     * stdout is not being read by a script) and the logs are not verbose; {@link BriefingProgress#NONE}
     * otherwise, so that the job logs its progress as plain lines.
     */
    static BriefingProgress forThisProcess() {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return terminal && !Logging.verbose() ? new TerminalProgress(System.err) : BriefingProgress.NONE;
    }

    /** Runs long work with this process's display, holding info logs back while a bar is drawn. */
    static <T> T around(Function<BriefingProgress, T> work) {
        BriefingProgress display = forThisProcess();
        if (display == BriefingProgress.NONE) {
            return work.apply(display);
        }
        try (Logging.Held quiet = Logging.quiet()) {
            return work.apply(display);
        }
    }

    @Override
    public void stepStarted(String step) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName("Briefing")
                .setInitialMax(-1)
                .setUnit(" documents", 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(stream))
                .build();
        }
        bar.setExtraMessage(" " + step);
    }

    @Override
    public void documentsRead(long documents) {
        if (bar != null) {
            bar.stepTo(documents);
        }
    }

    @Override
    public void finished() {
        if (bar != null) {
            bar.setExtraMessage(" done");
            bar.close();
            bar = null;
        }
    }
}
