/**
 * Analysis of a document's text: is it about online child sexual exploitation and abuse, which
 * themes it belongs to and why, the sums of money it names and the dated events it reports.
 *
 * <p>Pure functions over text and a reference date: this room must not depend on Spring, the
 * database, files or the network, so that {@code analyze} and {@code eval} run without a
 * database and the rules are testable with {@code new}.
 */
package org.watchbrief.analysis;
