package org.watchbrief.batch;

import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Reports each step of a briefing run. Progress goes to the display the launcher attached for this
 * thread (a terminal progress bar) or, when there is none, to the log: a line every
 * {@value #LOG_EVERY_SECONDS} seconds of intake and one per step at its end, so that cron mails and
 * service logs show how a long run is getting on. A failed step's cause is kept, in one line, in
 * the step's execution context under {@value #FAILURE}, so that {@code jobs} can show it: the exit
 * description Spring Batch stores is a stack trace cut at 2,500 characters, often before the cause.
 */
class StepReporter implements StepExecutionListener, ItemProcessListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(StepReporter.class);

    static final int LOG_EVERY_SECONDS = 10;

    /** The step execution context's key for a failed step's cause, in one line. */
    static final String FAILURE = "watchbrief.failure";

    /** Per thread, because the scheduler may brief two windows at once on two threads. */
    private final ThreadLocal<State> state = ThreadLocal.withInitial(() -> new State(BriefingProgress.NONE));

    /** Sends this thread's progress to the display until the returned handle is closed. */
    Attachment attach(BriefingProgress display) {
        state.set(new State(display));
        return () -> {
            state.get().display.finished();
            state.remove();
        };
    }

    /** An attached display, detached on close. */
    interface Attachment extends AutoCloseable {

        @Override
        void close();
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        State s = state.get();
        s.startedNanos = System.nanoTime();
        s.lastLogNanos = s.startedNanos;
        s.documents = 0;
        s.display.stepStarted(stepExecution.getStepName());
    }

    @Override
    public void afterProcess(Object item, Object result) {
        documentDone();
    }

    @Override
    public void onProcessError(Object item, Exception e) {
        documentDone();
    }

    private void documentDone() {
        State s = state.get();
        s.documents++;
        s.display.documentsRead(s.documents);
        long now = System.nanoTime();
        if (s.display == BriefingProgress.NONE
                && now - s.lastLogNanos >= Duration.ofSeconds(LOG_EVERY_SECONDS).toNanos()) {
            s.lastLogNanos = now;
            log.info("intake: {} document(s) read so far ({})", s.documents, rate(s.documents, now - s.startedNanos));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        State s = state.get();
        long elapsed = System.nanoTime() - s.startedNanos;
        String seconds = String.format(Locale.ROOT, "%.1f s", elapsed / 1e9);
        if (stepExecution.getStepName().equals("intake")) {
            log.info("intake {} in {}: {} document(s) read, {} stored, {} quarantined ({})",
                    stepExecution.getStatus(), seconds, stepExecution.getReadCount(), stepExecution.getWriteCount(),
                    stepExecution.getSkipCount(), rate(s.documents, elapsed));
        }
        else {
            log.info("{} {} in {}", stepExecution.getStepName(), stepExecution.getStatus(), seconds);
        }
        if (stepExecution.getStatus() == BatchStatus.FAILED && !stepExecution.getFailureExceptions().isEmpty()) {
            String cause = BriefingLauncher.rootMessage(stepExecution.getFailureExceptions().get(0));
            stepExecution.getExecutionContext().putString(FAILURE, cause.lines().collect(Collectors.joining(" ")));
        }
        return null;
    }

    private static String rate(long documents, long nanos) {
        return nanos <= 0 ? "-" : String.format(Locale.ROOT, "%.1f documents/s", documents * 1e9 / nanos);
    }

    private static final class State {

        private final BriefingProgress display;

        private long startedNanos = System.nanoTime();

        private long lastLogNanos = startedNanos;

        private long documents;

        State(BriefingProgress display) {
            this.display = display;
        }
    }
}
