/**
 * Schedule files ({@code schedules/*.yml}): when a briefing runs, what it covers and to whom it
 * goes, validated on load so a mistake is one line naming the file and the field.
 */
package org.watchbrief.schedule;
