package org.watchbrief.batch;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.watchbrief.intake.HttpSettings;
import org.watchbrief.intake.TextExtractor;
import org.watchbrief.intake.WebSourceSettings;

/**
 * {@code watchbrief.*}: where things are and how intake behaves. Each is also settable as an
 * environment variable ({@code WATCHBRIEF_INBOX}, {@code WATCHBRIEF_INTAKE_CHUNK_SIZE}).
 *
 * @param inbox the folder documents arrive in
 * @param reportsDir where digests are written, one folder per schedule and window end
 * @param schedulesDir the schedule files
 * @param quarantineDir where unreadable input is copied, with its reason recorded in the database
 * @param defaultSchedule the schedule {@code run} uses when none is named
 * @param themesFile a taxonomy file replacing the built-in themes.yml; {@code null} for the built-in one
 * @param intake intake limits
 */
@ConfigurationProperties("watchbrief")
public record WatchbriefProperties(@DefaultValue("inbox") Path inbox, @DefaultValue("reports/out") Path reportsDir,
        @DefaultValue("schedules") Path schedulesDir, @DefaultValue("data/quarantine") Path quarantineDir,
        @DefaultValue("weekly") String defaultSchedule, Path themesFile, @DefaultValue Intake intake) {

    /**
     * @param chunkSize documents per transaction
     * @param skipLimit how many unreadable documents one run tolerates before it fails
     * @param maxFileSize the largest file read
     * @param maxCharacters the most characters of text kept from one document
     * @param parseTimeout the longest one document may take to read
     * @param maxEmbeddedDocuments the most attachments read from one email
     * @param settleTime how long an inbox file must have been left unchanged before it is read (one
     *        still being copied in is waited for, then left for the next run if it keeps changing)
     * @param http how the web sources talk to their servers
     * @param sources the web sources, all off by default
     */
    public record Intake(@DefaultValue("50") int chunkSize, @DefaultValue("100") int skipLimit,
            @DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("2000000") int maxCharacters,
            @DefaultValue("60s") Duration parseTimeout, @DefaultValue("10") int maxEmbeddedDocuments,
            @DefaultValue("2s") Duration settleTime, @DefaultValue HttpSettings http, @DefaultValue WebSourceSettings sources) {

        /** The limits on reading one document. */
        public TextExtractor.Limits limits() {
            return new TextExtractor.Limits(maxCharacters, parseTimeout, maxEmbeddedDocuments);
        }
    }
}
