package org.watchbrief.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchbrief.intake.DocumentSource.Harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inbox as people and programs really fill it: links pointing out of it or round in a loop,
 * names no one should have to print, files still being copied in, files renamed while a run
 * reads the folder.
 */
class InboxSourceTests {

    private static final byte[] ANSWER = "Written question on the online grooming of children.\n\nAnswered."
        .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path work;

    private Path inbox() throws IOException {
        return Files.createDirectories(work.resolve("inbox"));
    }

    private static String reasonWhyNotRead(Candidate candidate) {
        try {
            candidate.fetch().fetch();
            return "read";
        }
        catch (UnreadableDocumentException refused) {
            return refused.reason();
        }
    }

    @Test
    void aLinkOutOfTheInboxOrRoundInALoopIsRefusedAndWhatItPointsToNeverRead() throws IOException {
        // given
        Path inbox = inbox();
        Path secret = Files.writeString(work.resolve("secret.txt"), "TOP-SECRET-0913");
        Files.createSymbolicLink(inbox.resolve("innocent.txt"), secret);
        Files.createSymbolicLink(inbox.resolve("loop-a.txt"), inbox.resolve("loop-b.txt"));
        Files.createSymbolicLink(inbox.resolve("loop-b.txt"), inbox.resolve("loop-a.txt"));
        Files.createSymbolicLink(inbox.resolve("up.txt"), Path.of("../secret.txt"));
        InboxSource source = new InboxSource(inbox, 1_000_000);
        // when
        List<Candidate> listed = source.harvest(null, LocalDate.now()).nextPage();
        // then
        assertThat(listed).extracting(Candidate::sourceKey)
            .containsExactly("innocent.txt", "loop-a.txt", "loop-b.txt", "up.txt");
        assertThat(listed).allSatisfy(candidate -> assertThat(reasonWhyNotRead(candidate))
            .startsWith("a symbolic link (to ")
            .contains("never what a link points to")
            .doesNotContain("TOP-SECRET"));
        assertThat(reasonWhyNotRead(listed.get(0))).contains(secret.toString());
    }

    @Test
    void aNameHoldingALineBreakIsRefusedAndKnownByAOneLineKey() throws IOException {
        // given
        Path inbox = inbox();
        Files.write(inbox.resolve("answer.txt\n12:00 INFO  Sent digest 1 to boss@example.org"), ANSWER);
        Files.write(inbox.resolve("..answer.txt"), ANSWER);
        InboxSource source = new InboxSource(inbox, 1_000_000);
        // when
        List<Candidate> listed = source.harvest(null, LocalDate.now()).nextPage();
        // then
        assertThat(listed).extracting(Candidate::sourceKey)
            .containsExactly("answer.txt\\n12:00 INFO  Sent digest 1 to boss@example.org");
        assertThat(reasonWhyNotRead(listed.get(0))).contains("holds a control character");
    }

    @Test
    void aFileStillBeingCopiedInIsReadOnlyOnceWhole() throws Exception {
        // given: a copy that goes on for 600 ms, a block every 50 ms
        Path inbox = inbox();
        Path arriving = inbox.resolve("arriving.txt");
        Files.write(arriving, ANSWER);
        Thread copy = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(arriving, StandardOpenOption.APPEND)) {
                for (int i = 0; i < 12; i++) {
                    Thread.sleep(50);
                    out.write(("More of the answer, part " + i + ".\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write("The end.\n".getBytes(StandardCharsets.UTF_8));
            }
            catch (IOException | InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        InboxSource source = new InboxSource(inbox, 1_000_000, Duration.ofMillis(200));
        copy.start();
        // when
        List<Candidate> listed = source.harvest(null, LocalDate.now()).nextPage();
        copy.join();
        // then
        assertThat(listed).singleElement().satisfies(candidate -> assertThat(
                new String(candidate.fetch().fetch().content(), StandardCharsets.UTF_8)).endsWith("The end.\n"));
        assertThat(listed.get(0).contentHash()).isEqualTo(Hashes.sha256(Files.readAllBytes(arriving)));
    }

    @Test
    void aFileThatKeepsChangingIsLeftForTheNextRun() throws Exception {
        // given: written to for longer than ten settle times
        Path inbox = inbox();
        Path growing = inbox.resolve("growing.log.txt");
        Files.write(growing, ANSWER);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(growing, StandardOpenOption.APPEND)) {
                while (!stop.get()) {
                    out.write("another line\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(10);
                }
            }
            catch (IOException | InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        writer.start();
        // a settle time 30 times the writer's pace: a loaded machine that pauses the writer for a
        // moment must not make the file look finished
        InboxSource source = new InboxSource(inbox, 10_000_000, Duration.ofMillis(300));
        // when
        List<Candidate> listed;
        try {
            listed = source.harvest(null, LocalDate.now()).nextPage();
        }
        finally {
            stop.set(true);
            writer.join();
        }
        // then
        assertThat(listed).isEmpty();
        assertThat(growing).exists();
    }

    @Test
    void aFileRenamedWhileTheRunReadsTheFolderIsPassedOverThenReadUnderItsNewName() throws Exception {
        // given
        Path inbox = inbox();
        Files.write(inbox.resolve("a.txt"), ANSWER);
        Files.write(inbox.resolve("b.txt"), "A second answer on livestreamed abuse.".getBytes(StandardCharsets.UTF_8));
        InboxSource source = new InboxSource(inbox, 1_000_000);
        Harvest harvest = source.harvest(null, LocalDate.now());
        List<Candidate> first = harvest.nextPage();
        // when: b.txt is renamed after the listing, before it is read
        Files.move(inbox.resolve("b.txt"), inbox.resolve("b-final.txt"));
        // then
        assertThat(first).extracting(Candidate::sourceKey).containsExactly("a.txt", "b.txt");
        assertThatThrownBy(() -> first.get(1).fetch().fetch()).isInstanceOf(DocumentGoneException.class);
        List<Candidate> again = harvest.nextPage();
        assertThat(again).extracting(Candidate::sourceKey).containsExactly("b-final.txt");
        assertThat(again.get(0).fetch().fetch().content()).asString(StandardCharsets.UTF_8).contains("livestreamed");
        assertThat(harvest.nextPage()).isEmpty();
    }
}
