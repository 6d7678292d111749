package org.watchbrief.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A digest as the store holds it.
 *
 * @param id the store's id
 * @param scheduleName the schedule it was made for
 * @param windowStart the first day of its window
 * @param windowEnd the last day of its window
 * @param createdAt when it was composed
 * @param model the Digest model as JSON
 * @param docxPath the Word file, {@code null} until rendered
 * @param pdfPath the PDF file, {@code null} until rendered
 */
public record DigestRecord(long id, String scheduleName, LocalDate windowStart, LocalDate windowEnd,
        Instant createdAt, String model, String docxPath, String pdfPath) {
}
