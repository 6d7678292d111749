package org.watchbrief.cli;

import java.lang.reflect.Constructor;

import picocli.CommandLine;

/**
 * Creates picocli's command objects, handing {@link Services} to those whose constructor takes
 * it (this replaces picocli's Spring Boot starter, which is not declared compatible with Boot 4).
 */
final class CommandFactory implements CommandLine.IFactory {

    private final Services services;

    CommandFactory(Services services) {
        this.services = services;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(Services.class);
            constructor.setAccessible(true);
            return constructor.newInstance(services);
        }
        catch (NoSuchMethodException noServices) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
