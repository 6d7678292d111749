package org.watchbrief.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * An integration test of what only a database server allows (several instances sharing one
 * database): run by failsafe's {@code postgresql} execution alone, on the tests' own PostgreSQL
 * server ({@link TestDatabase#newPostgreSQLDatabase()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("postgresql-only")
public @interface PostgreSQLOnly {
}
