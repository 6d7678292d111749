package org.watchbrief.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.watchbrief.WatchbriefApplication;
import org.watchbrief.batch.BriefingResult.Outcome;
import org.watchbrief.cli.Cli;
import org.watchbrief.cli.ExitCodes;
import org.watchbrief.digest.Window;
import org.watchbrief.store.DatabaseSettings.UnsafeSettingException;
import org.watchbrief.support.LocalServer;
import org.watchbrief.support.LocalServer.Answer;
import org.watchbrief.support.SampleInbox;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database URL that would make H2 run a script or Java code is refused before anything
 * connects: the script's server (a canary on 127.0.0.1) is never asked for it, and no database
 * file is created. The command line says so in one line, as a configuration error. The
 * application opens no port, and a second process turned away by the H2 file says who holds it.
 */
class DatabaseGuardIT {

    private final LocalServer canary = new LocalServer().on("/init.sql",
            uri -> Answer.json("CREATE ALIAS PWNED AS 'String pwned() { return \"x\"; }';"));

    @TempDir
    Path work;

    @AfterEach
    void stop() {
        canary.close();
    }

    /** The application with the given database, as settings of the highest precedence. */
    private ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(WatchbriefApplication.class).web(WebApplicationType.NONE)
            .run("--spring.datasource.url=" + url, "--watchbrief.inbox=" + work.resolve("inbox"),
                    "--watchbrief.reports-dir=" + work.resolve("reports"),
                    "--watchbrief.quarantine-dir=" + work.resolve("quarantine"));
    }

    @Test
    void aUrlThatRunsAScriptWhenH2ConnectsIsRefusedBeforeConnecting() {
        // given
        String url = "jdbc:h2:file:" + work.resolve("db/watchbrief") + ";INIT=RUNSCRIPT FROM '"
                + canary.baseUrl().resolve("/init.sql") + "'";
        // when, then
        assertThatThrownBy(() -> start(url)).isInstanceOf(UnsafeSettingException.class)
            .hasMessageStartingWith("spring.datasource.url holds INIT=");
        assertThat(canary.requests()).as("the script was never fetched").isEmpty();
        assertThat(work.resolve("db")).as("nothing connected, so no database was created").doesNotExist();
    }

    @Test
    void theCommandLineSaysSoInOneLineWithExitCode2() {
        // given
        String url = "jdbc:h2:file:" + work.resolve("db/watchbrief") + ";AUTO_SERVER=TRUE";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine(new org.watchbrief.cli.Services() {
            private ConfigurableApplicationContext context;

            @Override
            public <T> T get(Class<T> type) {
                if (context == null) {
                    context = start(url);
                }
                return context.getBean(type);
            }
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // when
        int exit = cli.execute("jobs");
        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().asString()
            .startsWith("watchbrief: spring.datasource.url holds AUTO_SERVER, which makes H2 open a TCP server");
        assertThat(work.resolve("db")).doesNotExist();
    }

    @Test
    void theApplicationHasNoDatabaseConsoleOrServerAndABriefingOpensNoPort() throws IOException {
        // given
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "sockets are read from /proc (Linux)");
        SampleInbox.copyTo(work.resolve("inbox"));
        Set<String> listeningBefore = listeningSockets();
        try (ConfigurableApplicationContext context = start("jdbc:h2:file:" + work.resolve("db/watchbrief"))) {
            // when
            BriefingResult briefed = context.getBean(BriefingLauncher.class).brief(new BriefingParameters("weekly",
                    new Window(LocalDate.of(2026, 11, 14), LocalDate.of(2026, 11, 20))));
            assertThat(briefed.outcome()).as(briefed.message()).isEqualTo(Outcome.COMPLETED);
            assertThat(listeningSockets()).as("ports this process listens on").isSubsetOf(listeningBefore);
            // then: no H2 console, TCP or web server among its beans
            assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(name -> context.getType(name))
                .filter(type -> type != null)
                .map(Class::getName))
                .noneMatch(name -> name.startsWith("org.h2.server") || name.startsWith("org.h2.tools.Server")
                        || name.contains("H2Console") || name.contains("WebServer"));
            assertThat(work.resolve("db/watchbrief.owner")).as("the process that holds the database says so")
                .content().startsWith("pid " + ProcessHandle.current().pid() + " on ");
        }
        assertThat(work.resolve("db/watchbrief.owner")).as("and no longer once it has closed it").doesNotExist();
        assertThat(Files.exists(work.resolve("db/watchbrief.mv.db"))).isTrue();
    }

    @Test
    void aSecondProcessOnTheSameDatabaseFileFailsAtOnceNamingTheHolderAndDoesNothing() throws Exception {
        // given: this process holds the H2 file, as a running 'serve' does, and a project folder beside it
        Path jar = Path.of("target", "watchbrief.jar").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "the jar is built by `package`, before the integration tests");
        SampleInbox.copyTo(work.resolve("inbox"));
        Files.createDirectories(work.resolve("schedules"));
        Files.copy(Path.of("schedules", "weekly.yml"), work.resolve("schedules/weekly.yml"));
        String url = "jdbc:h2:file:" + work.resolve("db/watchbrief");
        try (ConfigurableApplicationContext holder = start(url)) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "run", "--to", "2026-11-20"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve(".stdout").toFile())
                .redirectError(work.resolve(".stderr").toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("WATCHBRIEF_") || name.startsWith("SPRING_")
                    || name.endsWith("JAVA_OPTIONS") || name.equals("JAVA_TOOL_OPTIONS"));
            builder.environment().put("SPRING_DATASOURCE_URL", url);
            // when
            Process second = builder.start();
            // then: it ended while the database is still held, so it did not wait for it
            assertThat(second.waitFor(2, TimeUnit.MINUTES)).as("the second process ended").isTrue();
            assertThat(holder.isActive()).isTrue();
        }
        String err = Files.readString(work.resolve(".stderr"));
        assertThat(Files.readString(work.resolve(".stdout"))).isEmpty();
        assertThat(err).contains("watchbrief: the database is in use by another watchbrief process (process "
                + ProcessHandle.current().pid() + " on ", "so nothing was done");
        try (Stream<Path> inbox = Files.list(work.resolve("inbox"))) {
            assertThat(inbox.count()).as("no file read or moved").isEqualTo(15);
        }
        assertThat(work.resolve("reports")).doesNotExist();
        assertThat(work.resolve("data")).as("no quarantine, no second database").doesNotExist();
    }

    /**
     * The TCP ports this process listens on: the sockets among its open files, looked up in the
     * kernel's tables of listening sockets.
     */
    private static Set<String> listeningSockets() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                }
                catch (IOException closedMeanwhile) {
                    // not ours any more
                }
            }
        }
        Set<String> listening = new TreeSet<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.isReadable(file)) {
                for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                    String[] fields = line.strip().split("\\s+");
                    // local address, state (0A: LISTEN), inode
                    if (fields.length > 9 && fields[3].equals("0A") && inodes.contains(fields[9])) {
                        listening.add(table + " " + fields[1]);
                    }
                }
            }
        }
        return listening;
    }
}
