package org.watchbrief.batch;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.DigestJson;
import org.watchbrief.render.DigestRenderer;
import org.watchbrief.schedule.Schedule;
import org.watchbrief.schedule.Schedules;
import org.watchbrief.store.DigestRecord;
import org.watchbrief.store.DigestRepository;

/**
 * Writes the digest's files into {@code <reports-dir>/<schedule>/<window-end>/}. Each file is
 * written whole and moved into place, so a repeat after a crash replaces it cleanly.
 */
class RenderTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RenderTasklet.class);

    private final DigestRepository digests;

    private final Map<String, DigestRenderer> renderers = new HashMap<>();

    private final Schedules schedules;

    private final Path reportsDir;

    RenderTasklet(DigestRepository digests, List<DigestRenderer> renderers, Schedules schedules, Path reportsDir) {
        this.digests = digests;
        renderers.forEach(r -> this.renderers.put(r.format(), r));
        this.schedules = schedules;
        this.reportsDir = reportsDir;
    }

    static Path outputDirectory(Path reportsDir, BriefingParameters parameters) {
        return parameters.directory(reportsDir);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = contribution.getStepExecution().getJobExecution();
        BriefingParameters parameters = BriefingParameters.from(jobExecution.getJobParameters());
        Schedule schedule = schedules.get(parameters.scheduleName());
        DigestRecord record = digests.findById(jobExecution.getExecutionContext().getLong(ComposeTasklet.DIGEST_ID))
            .orElseThrow(() -> new IllegalStateException("the composed digest is missing from the store"));
        Digest digest = DigestJson.read(record.model());
        Path directory = outputDirectory(reportsDir, parameters);
        Map<String, Path> written = new HashMap<>();
        for (String format : parameters.formats(schedule)) {
            Path file = renderers.get(format).render(digest, directory);
            written.put(format, file);
            log.info("Wrote {}", file);
        }
        digests.recordFiles(record.id(), pathOrNull(written.get("docx")), pathOrNull(written.get("pdf")));
        return RepeatStatus.FINISHED;
    }

    private static String pathOrNull(Path path) {
        return path == null ? null : path.toString();
    }
}
