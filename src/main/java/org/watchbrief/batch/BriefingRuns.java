package org.watchbrief.batch;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The briefing job's runs, for operators: the latest ones with what each did, and the two repairs
 * a run may need. Reads go through Spring Batch's job repository; only the list of the latest
 * execution ids is a query of its own (the repository lists instances, not executions).
 */
@Service
public class BriefingRuns {

    private static final Logger log = LoggerFactory.getLogger(BriefingRuns.class);

    private final JobRepository jobRepository;

    private final JdbcTemplate jdbc;

    private final BriefingLauncher launcher;

    private final OrphanedRuns orphans;

    public BriefingRuns(JobRepository jobRepository, JdbcTemplate jdbc, BriefingLauncher launcher,
            OrphanedRuns orphans) {
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.launcher = launcher;
        this.orphans = orphans;
    }

    /** The latest {@code count} runs, newest first. */
    public List<RunSummary> latest(int count) {
        List<Long> ids = jdbc.queryForList(
                "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC FETCH FIRST ? ROWS ONLY",
                Long.class, count);
        List<RunSummary> runs = new ArrayList<>();
        for (long id : ids) {
            find(id).ifPresent(runs::add);
        }
        return runs;
    }

    public Optional<RunSummary> find(long executionId) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(executionId)).map(this::summary);
        }
        catch (EmptyResultDataAccessException noSuchExecution) {
            return Optional.empty();
        }
    }

    /**
     * Marks a run that a dead process left STARTED as FAILED (Spring Batch's
     * {@code JobOperator.recover}), with a note saying so, so that it can be restarted. The caller
     * makes sure no live process is still running it.
     */
    public RunSummary abandon(long executionId, LocalDateTime now) {
        JobExecution execution = Objects.requireNonNull(jobRepository.getJobExecution(executionId),
                () -> "no job execution " + executionId);
        orphans.markFailed(execution, "abandoned on " + now.withNano(0) + ": the process running it had stopped");
        log.info("Execution {} abandoned: marked FAILED, so that it can be restarted", executionId);
        return find(executionId).orElseThrow();
    }

    /**
     * Restarts a failed briefing where it stopped, through the launcher like every other start: the
     * steps it completed are not run again.
     */
    public BriefingResult restart(long executionId, BriefingProgress display) {
        JobExecution execution = Objects.requireNonNull(jobRepository.getJobExecution(executionId),
                () -> "no job execution " + executionId);
        return launcher.brief(BriefingParameters.from(execution.getJobParameters()), display);
    }

    private RunSummary summary(JobExecution execution) {
        String jobName = execution.getJobInstance().getJobName();
        BriefingParameters parameters = jobName.equals(BriefingJobConfiguration.JOB_NAME)
                ? BriefingParameters.from(execution.getJobParameters()) : null;
        long read = 0;
        long skipped = 0;
        long written = 0;
        long sent = 0;
        String step = null;
        String error = null;
        LocalDateTime lastUpdated = OrphanedRuns.lastUpdated(execution);
        List<StepExecution> steps = execution.getStepExecutions().stream()
            .sorted(Comparator.comparingLong(StepExecution::getId))
            .toList();
        for (StepExecution s : steps) {
            switch (s.getStepName()) {
                case "intake" -> {
                    read = s.getReadCount();
                    skipped = s.getSkipCount();
                    written = s.getWriteCount();
                }
                case "deliver" -> sent = s.getWriteCount();
                default -> {
                }
            }
            if (s.getStatus() == BatchStatus.FAILED || s.getStatus().isRunning()) {
                step = s.getStepName();
                error = s.getExecutionContext().containsKey(StepReporter.FAILURE)
                        ? s.getExecutionContext().getString(StepReporter.FAILURE)
                        : firstCause(s.getExitStatus().getExitDescription());
            }
        }
        if (execution.getStatus() != BatchStatus.FAILED) {
            error = null;
        }
        else if (error == null) {
            error = firstCause(execution.getExitStatus().getExitDescription());
        }
        Long resumedBy = jobRepository.getJobExecutions(execution.getJobInstance()).stream()
            .map(JobExecution::getId)
            .filter(id -> id > execution.getId())
            .max(Long::compare)
            .orElse(null);
        return new RunSummary(execution.getId(), jobName, execution.getStatus(), parameters, execution.getStartTime(),
                execution.getEndTime(), lastUpdated, read, skipped, written, sent, step, error, resumedBy);
    }

    private static final Pattern EXCEPTION_LINE = Pattern
        .compile("^(?:Caused by: )?(?:[\\w$]+\\.)*([\\w$]*(?:Exception|Error)[\\w$]*)(?:: (.*))?$");

    /**
     * One line out of the stack trace Spring Batch stores as an exit description: the outer
     * exception's message, and the root cause, named, when it adds something ("cannot write
     * briefing.pdf (FileSystemException: reports/out: No space left on device)"). Plain text (an
     * abandon note) comes back as it is.
     */
    static String firstCause(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        List<String> lines = description.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Matcher first = EXCEPTION_LINE.matcher(lines.get(0));
        if (!first.matches()) {
            return lines.get(0);
        }
        String message = first.group(2) == null || first.group(2).isBlank() ? first.group(1) : first.group(2);
        Matcher root = null;
        for (String line : lines) {
            Matcher cause = EXCEPTION_LINE.matcher(line);
            if (line.startsWith("Caused by: ") && cause.matches()) {
                root = cause;
            }
        }
        if (root == null) {
            return message;
        }
        String rootMessage = root.group(2) == null ? "" : root.group(2);
        return message.equals(rootMessage) ? message
                : message + " (" + root.group(1) + (rootMessage.isEmpty() ? "" : ": " + rootMessage) + ")";
    }
}
