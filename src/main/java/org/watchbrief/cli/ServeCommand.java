package org.watchbrief.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.watchbrief.delivery.DeliveryService;
import org.watchbrief.schedule.ScheduleDaemon;
import org.watchbrief.schedule.ScheduleDaemon.Plan;
import org.watchbrief.schedule.ServeProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchbrief serve}: the long-running process that briefs each schedule on time. */
@Command(name = "serve", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = { "Brief each schedule at its cron time, until stopped.", "",
                "Runs until stopped, briefing each schedule at its cron time in its zone (summer time "
                        + "handled) and emailing the digests. Logs each run to stderr.",
                "On start it briefs once the latest run of each schedule that was missed while it was not "
                        + "serving. A failed run is tried again every watchbrief.serve.retry-failed-after (30m) "
                        + "until the next run is due.",
                "Ctrl-C or SIGTERM stops it: a running briefing stops at its next safe point (between chunks, "
                        + "between recipients) and is restarted by the next run or start." },
        footer = { "", "Run it as a service: see \"Serve\" in README.md for a systemd unit.", "", "Examples:",
                "  # serve every schedule of schedules/",
                "  watchbrief serve",
                "  # serve, without briefing runs missed while stopped",
                "  watchbrief serve --no-catch-up" })
class ServeCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Option(names = "--no-catch-up", description = "Do not brief runs missed while Watchbrief was not serving.")
    boolean noCatchUp;

    ServeCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ScheduleDaemon daemon = services.get(ScheduleDaemon.class);
        boolean catchUp = services.get(ServeProperties.class).catchUp() && !noCatchUp;
        List<Plan> plans = daemon.start(catchUp);
        out.println("Serving " + plans.size() + " schedule(s); emails go by " + services.get(DeliveryService.class)
            .channel() + ". Stop with Ctrl-C or SIGTERM.");
        for (Plan plan : plans) {
            if (plan.catchUp() != null) {
                out.println("  " + plan.schedule().name() + ": briefing now the missed run of "
                        + SchedulesCommand.WHEN.format(plan.catchUp()) + " ("
                        + plan.schedule().windowFor(plan.catchUp()).describe() + ")");
            }
            out.println("  " + plan.schedule().name() + ": next run "
                    + (plan.next() == null ? "never" : SchedulesCommand.WHEN.format(plan.next()) + ", briefing "
                            + plan.schedule().windowFor(plan.next()).describe()));
        }
        out.flush();
        daemon.awaitStop();
        return ExitCodes.OK;
    }
}
