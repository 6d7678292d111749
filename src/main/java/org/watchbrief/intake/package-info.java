/**
 * Where documents come from and how their text and metadata get out: the inbox folder (and, in
 * time, the public APIs), text extraction, and the parsers for each published layout.
 *
 * <p>Depends on {@code analysis} only for its records; knows nothing of Spring Batch or the store.
 */
package org.watchbrief.intake;
