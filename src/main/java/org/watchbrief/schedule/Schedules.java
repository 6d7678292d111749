package org.watchbrief.schedule;

import java.nio.file.Path;
import java.util.List;

/** The schedules of a directory, read afresh on each call so that edits take effect. */
public final class Schedules {

    private final Path directory;

    private final ScheduleLoader loader;

    public Schedules(Path directory, ScheduleLoader loader) {
        this.directory = directory;
        this.loader = loader;
    }

    public Path directory() {
        return directory;
    }

    /** @throws ScheduleFileException when a file is invalid */
    public List<Schedule> all() {
        return loader.loadAll(directory);
    }

    /**
     * The schedule with the given name.
     *
     * @throws ScheduleFileException when there is none, naming those there are
     */
    public Schedule get(String name) {
        List<Schedule> all = all();
        return all.stream().filter(s -> s.name().equals(name)).findFirst()
            .orElseThrow(() -> new ScheduleFileException(directory, "name", "no schedule is named '" + name
                    + "'; known: " + String.join(", ", all.stream().map(Schedule::name).toList())));
    }
}
