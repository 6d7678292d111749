package org.watchbrief.batch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.watchbrief.delivery.DeliveryException;
import org.watchbrief.delivery.DeliveryService;
import org.watchbrief.delivery.DeliveryService.Attempt;
import org.watchbrief.delivery.Letter;
import org.watchbrief.schedule.Schedule;
import org.watchbrief.schedule.Schedules;
import org.watchbrief.store.DigestRecord;
import org.watchbrief.store.DigestRepository;

/**
 * Sends the digest to the schedule's recipients through the outbox, one recipient per
 * iteration: Spring Batch commits after each and checks between them whether the job was asked
 * to stop, so a SIGTERM stops delivery between two recipients, restartable. A recipient the
 * server refuses for good does not hold up the others, but the step fails at the end, naming
 * them; any other failure (the server down after every retry) fails it at once. The restart
 * sends only what is not SENT.
 */
class DeliverTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DeliverTasklet.class);

    /** The recipients this step execution tried and could not send to, with why. */
    static final String FAILED = "deliver.failed";

    private final DigestRepository digests;

    private final DeliveryService delivery;

    private final Schedules schedules;

    private final Path reportsDir;

    DeliverTasklet(DigestRepository digests, DeliveryService delivery, Schedules schedules, Path reportsDir) {
        this.digests = digests;
        this.delivery = delivery;
        this.schedules = schedules;
        this.reportsDir = reportsDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = contribution.getStepExecution();
        var jobExecution = step.getJobExecution();
        BriefingParameters parameters = BriefingParameters.from(jobExecution.getJobParameters());
        Schedule schedule = schedules.get(parameters.scheduleName());
        DigestRecord record = digests.findById(jobExecution.getExecutionContext().getLong(ComposeTasklet.DIGEST_ID))
            .orElseThrow(() -> new IllegalStateException("the composed digest is missing from the store"));
        ExecutionContext context = step.getExecutionContext();
        if (step.getCommitCount() == 0) {
            // the first iteration of this step execution (a restart brings back the last one's context)
            delivery.enqueue(record.id(), parameters.recipients(schedule));
            context.remove(FAILED);
            log.info("Delivering digest {} to {} recipient(s) by {}", record.id(),
                    parameters.recipients(schedule).size(), delivery.channel());
        }
        Map<String, String> failed = failed(context.getString(FAILED, ""));
        Letter letter = delivery.letter(record, schedule.subjectFor(parameters.window()),
                schedule.filter().describe(), RenderTasklet.outputDirectory(reportsDir, parameters));
        Optional<Attempt> next = delivery.deliverNext(letter, failed.keySet());
        if (next.isEmpty()) {
            if (!failed.isEmpty()) {
                throw new DeliveryException(failed.size() + " email(s) could not be sent: " + describe(failed)
                        + "; the others went. Fix the cause and run again: only these are sent");
            }
            return RepeatStatus.FINISHED;
        }
        Attempt attempt = next.get();
        if (attempt.sent()) {
            contribution.incrementWriteCount(1);
            return RepeatStatus.CONTINUABLE;
        }
        failed.put(attempt.recipient(), attempt.failure());
        if (!attempt.recipientRejected()) {
            throw new DeliveryException("could not send to " + attempt.recipient() + ": " + attempt.failure()
                    + ". The emails not yet sent are kept; run again once the server is back: nothing is sent twice");
        }
        context.putString(FAILED, String.join("\n",
                failed.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList()));
        return RepeatStatus.CONTINUABLE;
    }

    /** "recipient TAB reason" lines: plain text, whatever serializer the job repository uses. */
    private static Map<String, String> failed(String lines) {
        Map<String, String> failed = new LinkedHashMap<>();
        lines.lines().filter(line -> !line.isEmpty()).forEach(line -> {
            int tab = line.indexOf('\t');
            failed.put(line.substring(0, tab), line.substring(tab + 1));
        });
        return failed;
    }

    private static String describe(Map<String, String> failed) {
        return String.join("; ", failed.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
    }
}
