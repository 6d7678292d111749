package org.watchbrief.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (Implementation-Version), "development" when run from classes. */
class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] { "watchbrief " + (version == null ? "development build" : version),
                "Java " + System.getProperty("java.version") };
    }
}
