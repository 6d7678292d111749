package org.watchbrief.batch;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.watchbrief.intake.DocumentSource;
import org.watchbrief.intake.GovUkSource;
import org.watchbrief.intake.HttpFetcher;
import org.watchbrief.intake.ParliamentQuestionsSource;
import org.watchbrief.intake.ParliamentStatementsSource;
import org.watchbrief.intake.WebSourceSettings;

/**
 * The web sources, and the {@code ingest} job: the briefing job's intake step on its own, for
 * {@code watchbrief ingest}.
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    static final String INGEST_JOB_NAME = "ingest";

    @Bean
    WebSources webSources(WatchbriefProperties properties) {
        WebSourceSettings settings = properties.intake().sources();
        HttpFetcher http = new HttpFetcher(properties.intake().http());
        List<DocumentSource> enabled = new ArrayList<>();
        if (settings.parliamentQuestions().enabled()) {
            enabled.add(new ParliamentQuestionsSource(settings.parliamentQuestions(), http));
        }
        if (settings.parliamentStatements().enabled()) {
            enabled.add(new ParliamentStatementsSource(settings.parliamentStatements(), http));
        }
        if (settings.govUk().enabled()) {
            enabled.add(new GovUkSource(settings.govUk(), http));
        }
        return new WebSources(enabled);
    }

    @Bean
    Job ingestJob(JobRepository jobRepository, Step intakeStep) {
        return new JobBuilder(INGEST_JOB_NAME, jobRepository).start(intakeStep).build();
    }
}
