/**
 * Getting digests to their readers: one outbox row per (digest, recipient) so a restart never
 * sends twice and never forgets one; each email sent by SMTP, or written as an .eml file beside
 * the digest when no SMTP host is configured.
 */
package org.watchbrief.delivery;
