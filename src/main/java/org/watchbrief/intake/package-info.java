/**
 * Where documents come from and how their text and metadata get out: the inbox folder, the UK
 * Parliament Written Questions and Written Statements APIs and GOV.UK (each a {@link
 * org.watchbrief.intake.DocumentSource}), text extraction through Apache Tika under limits, and the
 * parsers for each published layout.
 *
 * <p>Depends on {@code analysis} only for its records; knows nothing of Spring Batch or the store.
 */
package org.watchbrief.intake;
