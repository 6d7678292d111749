/**
 * Schedule files ({@code schedules/*.yml}): when a briefing runs, what it covers and to whom it
 * goes, validated on load so a mistake is one line naming the file and the field; their fire
 * times (cron in a zone, summer time handled); and the {@code serve} daemon that fires them
 * through a {@link org.watchbrief.schedule.BriefingTrigger}, without depending on how briefings
 * are made.
 */
package org.watchbrief.schedule;
