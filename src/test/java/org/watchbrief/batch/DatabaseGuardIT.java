package org.watchbrief.batch;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.watchbrief.WatchbriefApplication;
import org.watchbrief.cli.Cli;
import org.watchbrief.cli.ExitCodes;
import org.watchbrief.store.DatabaseSettings.UnsafeSettingException;
import org.watchbrief.support.LocalServer;
import org.watchbrief.support.LocalServer.Answer;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database URL that would make H2 run a script or Java code is refused before anything
 * connects: the script's server (a canary on 127.0.0.1) is never asked for it, and no database
 * file is created. The command line says so in one line, as a configuration error.
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
                    "--watchbrief.reports-dir=" + work.resolve("reports"));
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
    void theApplicationHasNoDatabaseConsoleOrServer() {
        // given
        try (ConfigurableApplicationContext context = start("jdbc:h2:file:" + work.resolve("db/watchbrief"))) {
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
}
