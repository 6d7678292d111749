package org.watchbrief.intake;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchbrief.support.DocumentFiles;
import org.xml.sax.ContentHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Text out of every format read, and every kind of bad input refused with a reason a person can act on. */
class TextExtractorTests {

    private static final List<String> PRESS_RELEASE = List.of("Press release",
            "£4 million for child abuse detection tools", "From: Home Office", "Published 14 October 2026",
            "Smaller platforms will get free access to detection tools that find grooming.");

    private final TextExtractor extractor = new TextExtractor(100_000);

    @TempDir
    Path dir;

    private static SourceDocument file(String name, byte[] content) {
        return new SourceDocument(name, name, Hashes.sha256(content), content);
    }

    private String extract(String name, byte[] content) {
        return extractor.extract(file(name, content));
    }

    static List<Object[]> everyFormat() {
        String text = String.join("\n\n", PRESS_RELEASE);
        String html = "<html><body>" + PRESS_RELEASE.stream().map(p -> "<p>" + p + "</p>").reduce("", String::concat)
                + "</body></html>";
        return List.of(new Object[] { "release.txt", text.getBytes(StandardCharsets.UTF_8) },
                new Object[] { "release.md", ("# " + text).getBytes(StandardCharsets.UTF_8) },
                new Object[] { "release.html", html.getBytes(StandardCharsets.UTF_8) },
                new Object[] { "release.pdf", DocumentFiles.pdf(PRESS_RELEASE) },
                new Object[] { "release.docx", DocumentFiles.docx(PRESS_RELEASE) },
                new Object[] { "release.odt", DocumentFiles.odt(PRESS_RELEASE) },
                new Object[] { "release.rtf", DocumentFiles.rtf(PRESS_RELEASE) },
                new Object[] { "forwarded-in-body.eml", DocumentFiles.email("Fwd: detection tools", """
                        Worth a look for Monday's briefing.

                        ---------- Forwarded message ---------
                        From: Press Office <press@example.org>
                        Date: Wed, 14 Oct 2026 at 09:30
                        Subject: detection tools
                        To: Briefings <briefings@example.org>

                        """ + text) },
                new Object[] { "forwarded-as-attachment.eml", DocumentFiles.emailWithAttachments(
                        "Fwd: detection tools", "See the attached release.",
                        Map.of("release.docx", DocumentFiles.docx(PRESS_RELEASE))) });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFormat")
    void readsThePressReleaseInEveryFormatWithItsLayoutIntact(String name, byte[] content) {
        // when
        ParsedDocument parsed = new MetadataParser().parse(extract(name, content));
        // then
        assertThat(parsed.metadata().type()).isEqualTo(DocumentType.PRESS_RELEASE);
        assertThat(parsed.metadata().title()).isEqualTo("£4 million for child abuse detection tools");
        assertThat(parsed.metadata().department()).isEqualTo("Home Office");
        assertThat(parsed.metadata().published()).hasToString("2026-10-14");
        assertThat(parsed.body()).isEqualTo("Smaller platforms will get free access to detection tools that find "
                + "grooming.");
    }

    @Test
    void anEmailsBodyLosesItsGreetingAndForwardingHeaders() {
        // when
        String text = extract("fwd.eml", DocumentFiles.email("Fwd: grooming figures", """
                Hi all, FYI.

                -----Original Message-----
                From: Analyst <analyst@example.org>
                Sent: 12 November 2026 10:00
                To: Team
                Subject: grooming figures

                Grooming offences recorded by police rose again.
                """));
        // then
        assertThat(text).isEqualTo("Grooming offences recorded by police rose again.");
    }

    @Test
    void readsTextSavedAsWindows1252() {
        // given
        byte[] cp1252 = "The Home Office’s £12.5 million fund – “announced today”".getBytes(Charset.forName(
                "windows-1252"));
        // when, then
        assertThat(extract("note.txt", cp1252)).isEqualTo("The Home Office’s £12.5 million fund – “announced today”");
    }

    @Test
    void readsUtf16TextByItsByteOrderMark() {
        // given
        String text = "Grooming: £21.5m for law enforcement";
        // when, then
        assertThat(extract("le.txt", withBom(new byte[] { (byte) 0xFF, (byte) 0xFE }, text.getBytes(
                StandardCharsets.UTF_16LE)))).isEqualTo(text);
        assertThat(extract("be.txt", withBom(new byte[] { (byte) 0xFE, (byte) 0xFF }, text.getBytes(
                StandardCharsets.UTF_16BE)))).isEqualTo(text);
        assertThat(extract("bom.md", withBom(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, text.getBytes(
                StandardCharsets.UTF_8)))).isEqualTo(text);
    }

    @Test
    void refusesDamagedUtf8SayingWhere() {
        // given: valid UTF-8 (£) and then a broken sequence (0xC3 followed by an ASCII byte)
        byte[] bytes = concat("£4 million ".getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xC3, '(' },
                " for tools".getBytes(StandardCharsets.UTF_8));
        // when, then
        assertThatThrownBy(() -> extract("broken.txt", bytes)).isInstanceOf(UnreadableDocumentException.class)
            .hasMessageContaining("not valid UTF-8")
            .hasMessageContaining("byte 12");
    }

    @Test
    void refusesUtf16TextWhoseByteOrderMarkLies() {
        // given: a UTF-16LE mark, then an unpaired surrogate
        byte[] bytes = { (byte) 0xFF, (byte) 0xFE, 'A', 0, 0x00, (byte) 0xD8, 'B', 0 };
        // when, then
        assertThatThrownBy(() -> extract("lying.txt", bytes)).hasMessageContaining("not valid UTF-16LE");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> extract("empty.pdf", new byte[0])).isInstanceOf(UnreadableDocumentException.class)
            .hasMessageEndingWith("the file is empty");
    }

    @Test
    void refusesBinaryContentUnderATextName() {
        // given
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        // when, then
        assertThatThrownBy(() -> extract("photo.txt", binary)).hasMessageContaining("binary content in a text file");
    }

    @Test
    void refusesAFileWhoseContentIsNotWhatItsExtensionSays() {
        // given: a PNG's signature under a PDF's name
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
        // when, then
        assertThatThrownBy(() -> extract("scan.pdf", png)).hasMessageContaining("named .pdf but holds image/png");
    }

    @Test
    void refusesAnEncryptedPdf() {
        assertThatThrownBy(() -> extract("secret.pdf", DocumentFiles.encryptedPdf(PRESS_RELEASE, "s3cret")))
            .hasMessageContaining("the PDF is encrypted (password-protected)");
    }

    @Test
    void readsAPdfThatIsEncryptedOnlyAgainstEditing() {
        // given: an owner password only, as many published PDFs have
        byte[] pdf = DocumentFiles.encryptedPdf(PRESS_RELEASE, "");
        // when, then
        assertThat(extract("restricted.pdf", pdf)).contains("detection tools that find grooming");
    }

    @Test
    void refusesATruncatedPdfThatPdfBoxWouldReadWithoutComplaint() {
        // given
        byte[] pdf = DocumentFiles.pdf(PRESS_RELEASE);
        // when, then
        assertThatThrownBy(() -> extract("cut.pdf", Arrays.copyOf(pdf, pdf.length * 2 / 3)))
            .hasMessageContaining("the PDF is truncated");
    }

    @Test
    void refusesACorruptOrTruncatedWordDocument() {
        // given
        byte[] docx = DocumentFiles.docx(PRESS_RELEASE);
        byte[] corrupt = docx.clone();
        for (int i = 100; i < corrupt.length - 100; i++) {
            corrupt[i] = (byte) (i * 31);
        }
        // when, then
        assertThatThrownBy(() -> extract("corrupt.docx", corrupt)).isInstanceOf(UnreadableDocumentException.class)
            .hasMessageContaining("corrupt.docx: ");
        assertThatThrownBy(() -> extract("cut.docx", Arrays.copyOf(docx, docx.length / 2)))
            .hasMessageContaining("cannot be read");
    }

    @Test
    void refusesAZipBombInsideAWordDocument() {
        // given: 30 million characters in about 30 kB
        byte[] bomb = DocumentFiles.zipBombDocx(30_000_000);
        assertThat(bomb.length).isLessThan(100_000);
        // when, then
        assertThatThrownBy(() -> extract("bomb.docx", bomb)).hasMessageContaining("zip bomb");
    }

    @Test
    void refusesXmlWithAnExternalEntityAndLeaksNothing() throws IOException {
        // given: a file the entity would read
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-7731");
        // when, then
        assertThatThrownBy(() -> extract("entity.docx", DocumentFiles.docxWithExternalEntity(secret.toUri()
            .toString()))).hasMessageContaining("DOCTYPE")
            .hasMessageContaining("external-entity")
            .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("TOP-SECRET"));
        assertThatThrownBy(() -> extract("entity.odt", DocumentFiles.odtWithExternalEntity(secret.toUri()
            .toString()))).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesAnEmailWithMoreAttachmentsThanTheLimit() {
        // given
        TextExtractor strict = new TextExtractor(new TextExtractor.Limits(100_000, Duration.ofSeconds(30), 2));
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            attachments.put("release-" + i + ".docx", DocumentFiles.docx(List.of("Release " + i)));
        }
        // when, then
        assertThatThrownBy(() -> strict.extract(file("many.eml", DocumentFiles.emailWithAttachments("Fwd: releases",
                "Three releases.", attachments)))).hasMessageContaining("more than 2 attachments");
    }

    @Test
    void refusesAnEmailWhoseOnlyAttachmentCannotBeRead() {
        // given
        byte[] email = DocumentFiles.emailWithAttachments("Fwd: answer", "Attached.",
                Map.of("answer.pdf", DocumentFiles.encryptedPdf(PRESS_RELEASE, "s3cret")));
        // when, then
        assertThatThrownBy(() -> extract("locked.eml", email)).hasMessageContaining("its attachment cannot be read")
            .hasMessageContaining("answer.pdf");
    }

    @Test
    void refusesAFileOfATypeNotRead() {
        assertThatThrownBy(() -> extract("figures.xlsx", new byte[] { 1, 2, 3 }))
            .hasMessageContaining("unsupported file type .xlsx; Watchbrief reads .txt, .md, .html, .pdf, .docx");
    }

    @Test
    void cutsTextAtTheCharacterLimit() {
        // given
        TextExtractor small = new TextExtractor(50);
        String long1 = "grooming ".repeat(100);
        // when, then
        assertThat(small.extract(file("long.txt", long1.getBytes(StandardCharsets.UTF_8)))).hasSize(50);
        assertThat(small.extract(file("long.docx", DocumentFiles.docx(List.of(long1))))).hasSizeLessThanOrEqualTo(50)
            .startsWith("grooming grooming");
    }

    @Test
    void stopsReadingADocumentThatTakesLongerThanTheTimeLimit() {
        // given: a parser that never finishes, as a document built to exhaust one would make it
        CountDownLatch never = new CountDownLatch(1);
        Parser stuck = new Parser() {
            @Override
            public Set<MediaType> getSupportedTypes(ParseContext context) {
                return Set.of(MediaType.application("pdf"));
            }

            @Override
            public void parse(java.io.InputStream stream, ContentHandler handler, Metadata metadata,
                    ParseContext context) throws java.io.IOException {
                try {
                    never.await();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        TextExtractor impatient = new TextExtractor(new TextExtractor.Limits(100_000, Duration.ofMillis(300), 10),
                stuck);
        long start = System.nanoTime();
        // when, then
        assertThatThrownBy(() -> impatient.extract(file("slow.pdf", DocumentFiles.pdf(PRESS_RELEASE))))
            .hasMessageContaining("took longer than")
            .hasMessageContaining("watchbrief.intake.parse-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    private static byte[] withBom(byte[] bom, byte[] text) {
        return concat(bom, text);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
