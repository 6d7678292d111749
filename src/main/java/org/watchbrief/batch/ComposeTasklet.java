package org.watchbrief.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.DigestComposer;
import org.watchbrief.digest.DigestJson;
import org.watchbrief.render.Formats;
import org.watchbrief.schedule.Schedule;
import org.watchbrief.schedule.Schedules;
import org.watchbrief.store.DigestRepository;

/** Composes the window's digest and stores its model; later steps read it from there. */
class ComposeTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ComposeTasklet.class);

    static final String DIGEST_ID = "digestId";

    private final DigestComposer composer;

    private final DigestRepository digests;

    private final Schedules schedules;

    ComposeTasklet(DigestComposer composer, DigestRepository digests, Schedules schedules) {
        this.composer = composer;
        this.digests = digests;
        this.schedules = schedules;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = contribution.getStepExecution().getJobExecution();
        BriefingParameters parameters = BriefingParameters.from(jobExecution.getJobParameters());
        Schedule schedule = schedules.get(parameters.scheduleName());
        String title = schedule.description() != null ? schedule.description() : "Briefing " + schedule.name();
        Digest digest = composer.compose(new DigestComposer.Request(schedule.name(), title, parameters.window(),
                parameters.themes(schedule), schedule.filter(), parameters.recipients(schedule), schedule.zone()));
        long id = digests.save(parameters.digestName(), parameters.window().start(), parameters.window().end(),
                digest.createdAt(), DigestJson.write(digest), jobExecution.getId());
        jobExecution.getExecutionContext().putLong(DIGEST_ID, id);
        log.info("Composed digest {} for {} ({}): {} document(s), funding total {}", id, schedule.name(),
                parameters.window(), digest.summary().documents(), Formats.pounds(digest.summary().fundingTotal()));
        return RepeatStatus.FINISHED;
    }
}
