/**
 * The one room that knows all the others: the {@code briefing} job (intake, compose, render,
 * deliver), the adapters between Spring Batch and the plain code of the other rooms, and the
 * launcher that the command line and the schedule daemon start briefings through.
 */
package org.watchbrief.batch;
