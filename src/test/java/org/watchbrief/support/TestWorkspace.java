package org.watchbrief.support;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where an integration test's Spring context works: the database under test ({@link TestDatabase})
 * and the folders {@code inbox}, {@code reports} and {@code quarantine}, all under the test's own
 * folder, so no test sees another's documents or digests.
 */
public final class TestWorkspace {

    private TestWorkspace() {
    }

    /** Points the context at the database under test and at the folders under {@code work}. */
    public static void register(DynamicPropertyRegistry registry, Path work) {
        TestDatabase.register(registry, work);
        registry.add("watchbrief.inbox", () -> work.resolve("inbox").toString());
        registry.add("watchbrief.reports-dir", () -> work.resolve("reports").toString());
        registry.add("watchbrief.quarantine-dir", () -> work.resolve("quarantine").toString());
    }
}
