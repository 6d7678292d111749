package org.watchbrief.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Service;
import org.watchbrief.analysis.Taxonomy;
import org.watchbrief.intake.InboxSource;
import org.watchbrief.intake.SourceDocument;
import org.watchbrief.intake.UnreadableDocumentException;
import org.watchbrief.schedule.Schedule;
import org.watchbrief.schedule.Schedules;
import org.watchbrief.store.DocumentRepository;
import org.watchbrief.store.QuarantineRepository;
import org.watchbrief.store.WatermarkRepository;

/**
 * Works out what a briefing run would do, reading only: the job repository (has the window been
 * briefed?) and the inbox through intake's own reader (which files are new). It starts no job and
 * writes nothing, to the database or to disk.
 */
@Service
public class BriefingPlanner {

    /** The steps in the order the briefing job runs them. */
    private static final List<String> STEPS = List.of("intake", "compose", "render", "deliver");

    private final JobRepository jobRepository;

    private final Job briefingJob;

    private final InboxSource inbox;

    private final DocumentRepository documents;

    private final QuarantineRepository quarantine;

    private final Schedules schedules;

    private final Taxonomy taxonomy;

    private final WatermarkRepository watermarks;

    private final WatchbriefProperties properties;

    private final Clock clock;

    public BriefingPlanner(JobRepository jobRepository, Job briefingJob, InboxSource inbox,
            DocumentRepository documents, QuarantineRepository quarantine, WatermarkRepository watermarks,
            Schedules schedules, Taxonomy taxonomy, WatchbriefProperties properties, Clock clock) {
        this.jobRepository = jobRepository;
        this.briefingJob = briefingJob;
        this.inbox = inbox;
        this.documents = documents;
        this.quarantine = quarantine;
        this.schedules = schedules;
        this.taxonomy = taxonomy;
        this.watermarks = watermarks;
        this.properties = properties;
        this.clock = clock;
    }

    public BriefingPlan plan(BriefingParameters parameters) {
        Schedule schedule = schedules.get(parameters.scheduleName());
        JobExecution last = jobRepository.getLastJobExecution(briefingJob.getName(), parameters.toJobParameters());
        BriefingPlan.State state;
        String resumeAt = null;
        if (last == null) {
            state = BriefingPlan.State.BRIEF;
        }
        else if (last.isRunning()) {
            state = BriefingPlan.State.RUNNING;
        }
        else if (last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
            state = BriefingPlan.State.DONE;
        }
        else {
            state = BriefingPlan.State.RESUME;
            resumeAt = firstIncompleteStep(last);
        }
        List<String> themes = parameters.themes(schedule).isEmpty() ? taxonomy.keys() : parameters.themes(schedule);
        Path directory = parameters.directory(properties.reportsDir());
        List<Path> files = parameters.formats(schedule).stream().map(f -> directory.resolve("briefing." + f)).toList();
        List<String> newDocuments = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int alreadySeen = 0;
        if (BriefingPlan.readsInbox(state, resumeAt)) {
            // the inbox only: a dry run does not call the web sources, and remembers nothing of the files it hashes
            InboxSource readOnly = inbox.readOnly();
            IntakeItemReader reader = new IntakeItemReader(readOnly, List.of(), documents, quarantine, watermarks,
                    clock);
            reader.readFrom(readOnly);
            ExecutionContext counts = new ExecutionContext();
            reader.open(counts);
            try {
                for (boolean more = true; more;) {
                    try {
                        SourceDocument document = reader.read();
                        more = document != null;
                        if (more) {
                            newDocuments.add(document.sourceKey());
                        }
                    }
                    catch (UnreadableDocumentException ex) {
                        unreadable.add(ex.sourceKey() + ": " + ex.reason());
                    }
                }
                reader.update(counts);
            }
            finally {
                reader.close();
            }
            alreadySeen = (int) counts.getLong(IntakeItemReader.PASSED_OVER, 0L);
        }
        return new BriefingPlan(parameters, state, last == null ? null : last.getId(), resumeAt, inbox.directory(),
                newDocuments, unreadable, alreadySeen, themes, files, parameters.recipients(schedule));
    }

    /** A restart runs again every step the window's runs have not completed, in order. */
    private String firstIncompleteStep(JobExecution last) {
        for (String step : STEPS) {
            StepExecution latest = jobRepository.getLastStepExecution(last.getJobInstance(), step);
            if (latest == null || latest.getStatus() != BatchStatus.COMPLETED) {
                return step;
            }
        }
        return STEPS.get(STEPS.size() - 1);
    }
}
