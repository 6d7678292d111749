package org.watchbrief.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.watchbrief.delivery.DeliveryService;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.DigestJson;
import org.watchbrief.render.DigestText;
import org.watchbrief.schedule.Schedule;
import org.watchbrief.schedule.Schedules;
import org.watchbrief.store.DigestRecord;
import org.watchbrief.store.DigestRepository;

/** Sends the digest to the schedule's recipients through the outbox. */
class DeliverTasklet implements Tasklet {

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
        var jobExecution = contribution.getStepExecution().getJobExecution();
        BriefingParameters parameters = BriefingParameters.from(jobExecution.getJobParameters());
        Schedule schedule = schedules.get(parameters.scheduleName());
        DigestRecord record = digests.findById(jobExecution.getExecutionContext().getLong(ComposeTasklet.DIGEST_ID))
            .orElseThrow(() -> new IllegalStateException("the composed digest is missing from the store"));
        Digest digest = DigestJson.read(record.model());
        List<Path> attachments = new ArrayList<>();
        if (record.docxPath() != null) {
            attachments.add(Path.of(record.docxPath()));
        }
        if (record.pdfPath() != null) {
            attachments.add(Path.of(record.pdfPath()));
        }
        String text = String.join("\n", DigestText.emailLines(digest));
        DeliveryService.Delivered delivered = delivery.deliver(record.id(), parameters.recipients(schedule),
                schedule.subjectFor(parameters.window()), text, attachments,
                RenderTasklet.outputDirectory(reportsDir, parameters));
        contribution.incrementWriteCount(delivered.sent().size());
        return RepeatStatus.FINISHED;
    }
}
