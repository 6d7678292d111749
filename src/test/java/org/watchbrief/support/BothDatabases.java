package org.watchbrief.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * An integration test that runs on H2 and again on PostgreSQL: failsafe's default execution runs
 * it on H2, its {@code postgresql} execution on the tests' own PostgreSQL server. The test must
 * take its database from {@link TestDatabase#register}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("both-databases")
public @interface BothDatabases {
}
