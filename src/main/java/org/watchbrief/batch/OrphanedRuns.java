package org.watchbrief.batch;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Runs that a dead process left STARTED: they block their window for ever unless marked FAILED
 * (Spring Batch's {@code JobOperator.recover}), after which a start resumes them where they stopped.
 * The caller makes sure no live process is still running the execution.
 */
@Component
class OrphanedRuns {

    private final JobRepository jobRepository;

    private final JobOperator jobOperator;

    OrphanedRuns(JobRepository jobRepository, JobOperator jobOperator) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
    }

    /** Marks the execution and its running steps FAILED, with a note saying why. */
    void markFailed(JobExecution execution, String note) {
        List<StepExecution> wereRunning = execution.getStepExecutions().stream()
            .filter(step -> step.getStatus().isRunning())
            .toList();
        // the run ended, as far as anyone can tell, when it last recorded progress
        LocalDateTime lastSeen = lastUpdated(execution);
        jobOperator.recover(execution);
        for (StepExecution step : wereRunning) {
            step.setExitStatus(ExitStatus.FAILED.addExitDescription(note));
            step.setEndTime(lastSeen);
            jobRepository.update(step);
            step.getExecutionContext().putString(StepReporter.FAILURE, note);
            jobRepository.updateExecutionContext(step);
        }
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(note));
        execution.setEndTime(lastSeen);
        jobRepository.update(execution);
    }

    /** When the run last recorded progress: its own update or its latest step's. */
    static LocalDateTime lastUpdated(JobExecution execution) {
        LocalDateTime last = execution.getLastUpdated();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getLastUpdated() != null && (last == null || step.getLastUpdated().isAfter(last))) {
                last = step.getLastUpdated();
            }
        }
        return last;
    }
}
