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

    /** Every file, valid or not, with its problem: for {@code schedules --check}. */
    public List<ScheduleLoader.Checked> check() {
        return loader.checkAll(directory);
    }

    /**
     * The schedule with the given name. A broken file elsewhere in the directory does not stop it
     * being found, so one bad edit does not hold up every other schedule's runs.
     *
     * @throws ScheduleFileException when there is none (naming those there are), or when it may be
     *         the broken file
     */
    public Schedule get(String name) {
        List<ScheduleLoader.Checked> all = check();
        return all.stream().filter(c -> c.valid() && c.schedule().name().equals(name)).map(ScheduleLoader.Checked::schedule)
            .findFirst()
            .orElseThrow(() -> all.stream().filter(c -> !c.valid()).findFirst()
                .map(broken -> new ScheduleFileException(broken.problem()))
                .orElseGet(() -> new ScheduleFileException(directory, "name", "no schedule is named '" + name
                        + "'; known: " + String.join(", ", all.stream().map(c -> c.schedule().name()).toList()))));
    }
}
