package org.watchbrief.batch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The briefing job executions running in this process, as the job itself holds them, so that
 * a stop can reach them the way Spring Batch's own steps look for one: the running step's
 * terminate flag, seen at its next chunk or iteration, and the job's STOPPING status, seen
 * before its next step. The job's own thread then records STOPPED; nothing else writes its
 * rows. ({@code JobOperator.stop} from another thread writes the step's row too, and in Spring
 * Batch 6.0 that can close the running step's step-scoped beans or leave it UNKNOWN.)
 */
@Component
class RunningBriefings implements JobExecutionListener {

    private final Map<Long, JobExecution> running = new ConcurrentHashMap<>();

    @Override
    public void beforeJob(JobExecution execution) {
        running.put(execution.getId(), execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution.getId());
        if (execution.getStatus() == BatchStatus.STOPPING) {
            // asked to stop as its last step ended: nothing is left running, so it is stopped
            execution.setStatus(BatchStatus.STOPPED);
            execution.setExitStatus(ExitStatus.STOPPED);
        }
    }

    /**
     * Asks the matching executions to stop at their next safe point; returns those asked.
     */
    List<JobExecution> stop(Predicate<JobExecution> which) {
        List<JobExecution> asked = running.values().stream().filter(which).toList();
        for (JobExecution execution : asked) {
            execution.setStatus(BatchStatus.STOPPING);
            execution.getStepExecutions().stream()
                .filter(step -> step.getStatus().isRunning())
                .forEach(StepExecution::setTerminateOnly);
        }
        return asked;
    }
}
