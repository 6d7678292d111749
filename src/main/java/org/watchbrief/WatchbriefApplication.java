package org.watchbrief;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.watchbrief.cli.Cli;

/**
 * Watchbrief. The command line comes first: {@link Cli} parses the arguments and starts this
 * Spring application only for the commands that need it.
 */
@SpringBootApplication
public class WatchbriefApplication {

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
