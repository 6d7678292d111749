package org.watchbrief.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;
import org.watchbrief.store.DocumentRepository;
import org.watchbrief.store.QuarantineRepository;

/** Runs intake alone ({@code watchbrief ingest}) and lists quarantine. */
@Service
public class IngestLauncher {

    private final JobOperator jobOperator;

    private final Job ingestJob;

    private final DocumentRepository documents;

    private final QuarantineRepository quarantine;

    private final Clock clock;

    public IngestLauncher(JobOperator jobOperator, Job ingestJob, DocumentRepository documents,
            QuarantineRepository quarantine, Clock clock) {
        this.jobOperator = jobOperator;
        this.ingestJob = ingestJob;
        this.documents = documents;
        this.quarantine = quarantine;
        this.clock = clock;
    }

    /**
     * Reads what is new: the given files and folders, or (none given) the inbox and the enabled web
     * sources. Each run is a job instance of its own.
     */
    public IngestResult ingest(List<Path> paths) {
        JobParametersBuilder parameters = new JobParametersBuilder().addLong("run", clock.millis());
        if (!paths.isEmpty()) {
            parameters.addString(IntakeItemReader.PATHS, paths.stream().map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining("\n")), false);
        }
        JobExecution execution;
        try {
            execution = jobOperator.start(ingestJob, parameters.toJobParameters());
        }
        catch (Exception ex) {
            return new IngestResult(false, null, 0, 0, List.of(), List.of(), ex.getMessage());
        }
        StepExecution step = execution.getStepExecutions().stream().findFirst().orElse(null);
        long read = step == null ? 0 : step.getReadCount();
        long passedOver = step == null ? 0 : step.getExecutionContext().getLong(IntakeItemReader.PASSED_OVER, 0L);
        String message = null;
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            message = execution.getAllFailureExceptions().stream().map(BriefingLauncher::rootMessage).findFirst()
                .orElse(execution.getExitStatus().getExitDescription());
        }
        DocumentRepository.IngestedCounts counts = documents.ingestedCounts(execution.getId());
        return new IngestResult(execution.getStatus() == BatchStatus.COMPLETED, execution.getId(), read, passedOver,
                documents.ingestedBy(execution.getId(), IngestResult.LISTED), counts.versions(), counts.newVersions(),
                quarantine.byExecution(execution.getId()), message);
    }

    /** Everything quarantined, oldest first. */
    public List<QuarantineRepository.Entry> quarantine() {
        return quarantine.all();
    }
}
