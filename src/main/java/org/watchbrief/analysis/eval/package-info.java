/**
 * Measuring the analysis against labelled documents ({@code ../shared/corpus/LABELS.md}): how
 * labelled items are paired with predicted ones, and the precision, recall and F1 that follow.
 *
 * <p>Pure functions like the rest of {@code analysis}: the caller reads the label files and runs
 * the analysis; this room only compares.
 */
package org.watchbrief.analysis.eval;
