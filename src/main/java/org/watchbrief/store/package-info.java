/**
 * JDBC repositories over the Flyway schema ({@code db/migration}): documents and what the
 * analysis found in them, digests, the outbox and quarantine. SQL lives here, in text blocks,
 * and is portable between H2 and PostgreSQL.
 */
package org.watchbrief.store;
