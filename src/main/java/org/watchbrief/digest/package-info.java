/**
 * The Digest model, one tree that every renderer and the email read, and how a window's digest
 * is composed from the store: documents per theme, funding with each announcement counted once,
 * the timeline.
 */
package org.watchbrief.digest;
