package org.watchbrief.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** {@code ingest}'s usage errors, refused before the database is opened. */
class IngestCommandTests {

    private final StringWriter out = new StringWriter();

    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = Cli.commandLine(new Services() {
            @Override
            public <T> T get(Class<T> type) {
                return fail("a usage error must not start the application, but " + type.getSimpleName()
                        + " was asked for");
            }
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aPathThatDoesNotExistIsAUsageError() {
        // when
        int exit = execute("ingest", "no/such/answer.pdf");
        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no/such/answer.pdf is neither a file nor a folder");
    }

    @Test
    void listingQuarantineTakesNoPaths() {
        // when
        int exit = execute("ingest", "--quarantine", "inbox");
        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--quarantine lists quarantine and reads nothing");
    }

    @Test
    void itsHelpNamesTheFormatsAndGivesExamples() {
        // when
        int exit = execute("ingest", "--help");
        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains(".txt, .md, .html, .pdf, .docx, .odt, .rtf and .eml",
                "watchbrief ingest --quarantine");
    }
}
