package org.watchbrief.batch;

import java.time.Clock;
import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.watchbrief.delivery.DeliveryService;
import org.watchbrief.digest.DigestComposer;
import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.intake.DocumentReader;
import org.watchbrief.intake.InboxSource;
import org.watchbrief.intake.SourceDocument;
import org.watchbrief.render.DigestRenderer;
import org.watchbrief.schedule.Schedules;
import org.watchbrief.store.DigestRepository;
import org.watchbrief.store.DocumentRepository;
import org.watchbrief.store.QuarantineRepository;
import org.watchbrief.store.WatermarkRepository;

/**
 * The {@code briefing} job, read top to bottom as the data flow: intake, compose, render,
 * deliver. Builders only; the work is in the adapters and the rooms they call. No incrementer:
 * the schedule and the window's end identify a briefing.
 */
@Configuration(proxyBeanMethods = false)
class BriefingJobConfiguration {

    static final String JOB_NAME = "briefing";

    @Bean
    Job briefingJob(JobRepository jobRepository, Step intakeStep, Step composeStep, Step renderStep,
            Step deliverStep, RunningBriefings runningBriefings) {
        return new JobBuilder(JOB_NAME, jobRepository).listener(runningBriefings)
            .start(intakeStep)
            .next(composeStep)
            .next(renderStep)
            .next(deliverStep)
            .build();
    }

    // intake step: what the sources hold that the store has not seen -> text, metadata, analysis -> store;
    // unreadable documents to quarantine, up to the skip limit

    @Bean
    Step intakeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            IntakeItemReader intakeItemReader, AnalysisAhead analysisAhead, DocumentRepository documents,
            QuarantineSkipListener quarantineSkipListener, WatchbriefProperties properties, Clock clock,
            StepReporter stepReporter, IntakeLock intakeLock) {
        return new StepBuilder("intake", jobRepository)
            .<SourceDocument, AnalysedDocument>chunk(properties.intake().chunkSize())
            .transactionManager(transactionManager)
            .reader(intakeItemReader)
            .processor(new AnalysingItemProcessor(analysisAhead))
            .writer(new DocumentItemWriter(documents, clock))
            .faultTolerant()
            .skipPolicy(new QuarantineSkipPolicy(properties.intake().skipLimit()))
            .skipListener(quarantineSkipListener)
            .listener(intakeLock)
            .listener((StepExecutionListener) quarantineSkipListener)
            .listener((StepExecutionListener) intakeItemReader)
            .listener(stepReporter)
            .build();
    }

    @Bean
    @StepScope
    IntakeItemReader intakeItemReader(InboxSource inbox, WebSources webSources, DocumentRepository documents,
            QuarantineRepository quarantine, WatermarkRepository watermarks, Clock clock, AnalysisAhead analysisAhead,
            WatchbriefProperties properties) {
        IntakeItemReader reader = new IntakeItemReader(inbox, webSources.enabled(), documents, quarantine, watermarks,
                clock);
        // two chunks ahead: the next chunk is analysed while this one is written
        reader.analyseAhead(analysisAhead, 2 * properties.intake().chunkSize());
        return reader;
    }

    /** A thread per core analysing (the step's own thread waits for them while it is not writing); they end with the step. */
    @Bean
    @StepScope
    AnalysisAhead analysisAhead(DocumentReader documentReader, Clock clock) {
        return new AnalysisAhead(documentReader, clock, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    @Bean
    @StepScope
    QuarantineSkipListener quarantineSkipListener(QuarantineRepository quarantine, InboxSource inbox,
            WatchbriefProperties properties, Clock clock) {
        return new QuarantineSkipListener(quarantine, inbox.directory(), properties.quarantineDir(), clock);
    }

    // compose step: the window's documents -> Digest model, stored

    @Bean
    Step composeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DigestComposer composer, DigestRepository digests, Schedules schedules,
            StepReporter stepReporter) {
        return new StepBuilder("compose", jobRepository)
            .tasklet(new ComposeTasklet(composer, digests, schedules), transactionManager)
            .listener(stepReporter)
            .build();
    }

    // render step: Digest -> briefing.docx, briefing.pdf; run again by every restart, so that a run
    // resumed by another instance (another machine's reports-dir) has the files to attach

    @Bean
    Step renderStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DigestRepository digests, List<DigestRenderer> renderers, Schedules schedules,
            WatchbriefProperties properties, StepReporter stepReporter) {
        return new StepBuilder("render", jobRepository)
            .tasklet(new RenderTasklet(digests, renderers, schedules, properties.reportsDir()), transactionManager)
            .allowStartIfComplete(true)
            .listener(stepReporter)
            .build();
    }

    // deliver step: one outbox row per recipient, each email sent or written once; one recipient
    // per iteration, so a stop (SIGTERM) takes effect between two recipients

    @Bean
    Step deliverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DigestRepository digests, DeliveryService delivery, Schedules schedules,
            WatchbriefProperties properties, StepReporter stepReporter) {
        return new StepBuilder("deliver", jobRepository)
            .tasklet(new DeliverTasklet(digests, delivery, schedules, properties.reportsDir()), transactionManager)
            .listener(stepReporter)
            .build();
    }

    // progress: a live display, or plain log lines, for every step

    @Bean
    StepReporter stepReporter() {
        return new StepReporter();
    }
}
