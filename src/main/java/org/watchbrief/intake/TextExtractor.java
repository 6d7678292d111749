package org.watchbrief.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDXFAResource;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.AbstractRecursiveParserWrapperHandler;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.RecursiveParserWrapperHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.ContentHandler;

/**
 * Gets the text out of a document's bytes. Plain text and Markdown are decoded by
 * {@link TextDecoder}; HTML, PDF, Word (.docx), OpenDocument (.odt), RTF and email (.eml) go
 * through Apache Tika. Any failure is an {@link UnreadableDocumentException} naming the document
 * and saying why, so that it can be quarantined.
 *
 * <p>Denial of service is our job, not Tika's: each document is read under a time limit, its text
 * is cut at a number of characters, Tika's zip-bomb guard (compression ratio) stays on, embedded
 * documents are not parsed except an email's attachments (at most a configured number), a PDF must
 * end with its {@code %%EOF} marker (PDFBox would otherwise read a truncated file silently) and an
 * Office or OpenDocument file whose XML declares a DOCTYPE (the carrier of external entities) is
 * refused. Thread-safe.
 */
public final class TextExtractor {

    private static final Logger log = LoggerFactory.getLogger(TextExtractor.class);

    /** What Watchbrief reads, by extension, with the media types Tika may detect for each. */
    private static final Map<String, Set<String>> FORMATS = Map.of("txt", Set.of(), "md", Set.of(), "html",
            Set.of("text/html", "application/xhtml+xml", "text/plain"), "htm",
            Set.of("text/html", "application/xhtml+xml", "text/plain"), "pdf", Set.of("application/pdf"), "docx",
            Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/x-tika-ooxml", "application/x-tika-ooxml-protected"),
            "odt", Set.of("application/vnd.oasis.opendocument.text"), "rtf", Set.of("application/rtf"), "eml",
            Set.of("message/rfc822"));

    private static final Map<String, String> FORMAT_NAMES = Map.of("html", "HTML page", "htm", "HTML page", "pdf",
            "PDF", "docx", "Word document", "odt", "OpenDocument text", "rtf", "RTF document", "eml", "email");

    /** The extensions read, for messages: ".txt, .md, .html, ...". */
    public static final String READS = ".txt, .md, .html, .pdf, .docx, .odt, .rtf and .eml";

    private static final AtomicInteger THREADS = new AtomicInteger();

    /**
     * Parses run on daemon threads, so that one that ignores interruption after its time limit
     * cannot keep the application from ending; a fresh thread serves the next document meanwhile.
     */
    private static final ExecutorService PARSING = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "watchbrief-extract-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** How many abandoned parses may still run before documents are refused unread. */
    static final int MAX_STUCK_PARSES = 4;

    private final Limits limits;

    private final Parser parser;

    private final AtomicInteger stuck = new AtomicInteger();

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    /**
     * The limits on reading one document.
     *
     * @param maxCharacters the most characters of text kept from one document; longer text is cut
     * @param timeout the longest one document may take to read
     * @param maxEmbeddedDocuments the most attachments read from one email; more is refused
     */
    public record Limits(int maxCharacters, Duration timeout, int maxEmbeddedDocuments) {

        public Limits {
            if (maxCharacters <= 0) {
                throw new IllegalArgumentException("maxCharacters must be positive: " + maxCharacters);
            }
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            if (maxEmbeddedDocuments < 0) {
                throw new IllegalArgumentException("maxEmbeddedDocuments must not be negative: " + maxEmbeddedDocuments);
            }
        }

        /** The defaults of {@code watchbrief.intake.*}, with the given character limit. */
        public static Limits withMaxCharacters(int maxCharacters) {
            return new Limits(maxCharacters, Duration.ofSeconds(60), 10);
        }
    }

    /** @param maxCharacters the most characters of text kept from one document */
    public TextExtractor(int maxCharacters) {
        this(Limits.withMaxCharacters(maxCharacters));
    }

    public TextExtractor(Limits limits) {
        this(limits, defaultParser());
    }

    /** With a parser of one's own: tests use one that never ends. */
    TextExtractor(Limits limits, Parser parser) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    private static AutoDetectParser defaultParser() {
        AutoDetectParser parser = new AutoDetectParser();
        AutoDetectParserConfig config = new AutoDetectParserConfig();
        // Tika's defaults, stated: a document whose text outgrows its bytes 100 times over, past a
        // million characters, is a suspected zip bomb; packages nest at most 10 deep.
        config.setMaximumCompressionRatio(100);
        config.setOutputThreshold(1_000_000);
        config.setMaximumPackageEntryDepth(10);
        parser.setAutoDetectParserConfig(config);
        return parser;
    }

    /** Whether Watchbrief reads files of this name (by extension). */
    public static boolean supports(String fileName) {
        return FORMATS.containsKey(extension(fileName));
    }

    /**
     * The text of a document, with line breaks normalised to {@code \n} and cut at the character
     * limit.
     *
     * @throws UnreadableDocumentException when it is empty, of a format not read, damaged,
     *     encrypted, suspicious, too slow to read or holds no text
     */
    public String extract(SourceDocument document) {
        return extractText(document).text();
    }

    /**
     * The text of a document, as {@link #extract(SourceDocument)} gives it, and whether it was
     * cut at the character limit.
     *
     * @param text the text, at most the character limit long
     * @param cut the document held more text than the limit: the rest was not read
     */
    public record Extracted(String text, boolean cut) {
    }

    /** As {@link #extract(SourceDocument)}, saying whether the text was cut at the character limit. */
    public Extracted extractText(SourceDocument document) {
        if (document.content().length == 0) {
            throw UnreadableDocumentException.of(document, "the file is empty", null);
        }
        String extension = extension(document.name());
        if (!FORMATS.containsKey(extension)) {
            throw UnreadableDocumentException.of(document, "unsupported file type"
                    + (extension.isEmpty() ? " (no extension)" : " ." + extension) + "; Watchbrief reads " + READS,
                    null);
        }
        Extracted raw = switch (extension) {
            case "txt", "md" -> new Extracted(TextDecoder.decode(document), false);
            default -> withTimeout(document, () -> tika(document, extension));
        };
        String text = raw.text();
        boolean cut = raw.cut() || text.length() > limits.maxCharacters();
        if (text.length() > limits.maxCharacters()) {
            // cut before the copies below: a long text is not copied whole again
            text = text.substring(0, limits.maxCharacters());
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
        if (text.isBlank()) {
            throw UnreadableDocumentException.of(document, "the file holds no text", null);
        }
        if (cut) {
            log.warn("{}: text cut at {} characters (watchbrief.intake.max-characters); the rest is not read",
                    document.sourceKey(), limits.maxCharacters());
        }
        return new Extracted(text, cut);
    }

    private Extracted tika(SourceDocument document, String extension) throws IOException {
        MediaType detected = detect(document);
        if (!FORMATS.get(extension).contains(detected.getBaseType().toString())) {
            throw UnreadableDocumentException.of(document, "the file is named ." + extension + " but holds "
                    + detected.getBaseType() + ", not a " + FORMAT_NAMES.get(extension) + "; is the extension right?",
                    null);
        }
        if (extension.equals("pdf")) {
            requireEndOfFile(document);
        }
        if (extension.equals("docx") || extension.equals("odt")) {
            refuseDoctype(document, FORMAT_NAMES.get(extension));
        }
        if (extension.equals("eml")) {
            return mail(document);
        }
        Metadata metadata = metadata(document);
        Extracted text = parse(document, FORMAT_NAMES.get(extension), metadata);
        if (extension.equals("pdf") && "true".equals(metadata.get(PDF.HAS_XFA))) {
            refuseXfaDoctype(document);
        }
        return text;
    }

    private MediaType detect(SourceDocument document) throws IOException {
        try (TikaInputStream in = TikaInputStream.get(document.content())) {
            return detector.detect(in, metadata(document));
        }
    }

    /** A single document: its own text, no embedded objects (images, OLE objects) parsed. */
    private Extracted parse(SourceDocument document, String format, Metadata metadata) {
        BodyContentHandler handler = new BodyContentHandler(limits.maxCharacters());
        boolean cut = false;
        try (InputStream in = TikaInputStream.get(document.content())) {
            parser.parse(in, handler, metadata, context(false));
        }
        catch (Exception ex) {
            if (!WriteLimitReachedException.isWriteLimitReached(ex)) {
                throw failure(document, format, ex);
            }
            cut = true;
        }
        return new Extracted(handler.toString(), cut);
    }

    /**
     * An email: the text of its attachments when it has readable ones (a document forwarded as an
     * attachment), else the text of attached messages, else its own body with the forwarding
     * headers taken off (a document forwarded in the body).
     */
    private Extracted mail(SourceDocument document) {
        RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.TEXT, limits.maxCharacters()),
                limits.maxEmbeddedDocuments());
        boolean cut = false;
        try (InputStream in = TikaInputStream.get(document.content())) {
            new RecursiveParserWrapper(parser).parse(in, handler, metadata(document), context(true));
        }
        catch (Exception ex) {
            if (!WriteLimitReachedException.isWriteLimitReached(ex)) {
                throw failure(document, "email", ex);
            }
            cut = true;
        }
        List<Metadata> parts = handler.getMetadataList();
        if (parts.isEmpty()) {
            throw UnreadableDocumentException.of(document, "the email cannot be read", null);
        }
        if ("true".equals(parts.get(0).get(AbstractRecursiveParserWrapperHandler.EMBEDDED_RESOURCE_LIMIT_REACHED))) {
            throw UnreadableDocumentException.of(document, "the email has more than " + limits.maxEmbeddedDocuments()
                    + " attachments and attached messages, counting those inside attached messages "
                    + "(watchbrief.intake.max-embedded-documents); forward the documents one by one", null);
        }
        List<String> attachments = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        String unreadable = null;
        for (Metadata part : parts.subList(1, parts.size())) {
            String text = part.get(TikaCoreProperties.TIKA_CONTENT);
            String type = String.valueOf(part.get(Metadata.CONTENT_TYPE));
            String error = part.get(TikaCoreProperties.EMBEDDED_EXCEPTION);
            if (error != null && (text == null || text.isBlank())) {
                unreadable = part.get(TikaCoreProperties.RESOURCE_NAME_KEY) + ": " + firstLine(error);
            }
            else if (text != null && !text.isBlank() && !type.startsWith("image/")) {
                if (type.startsWith("message/rfc822")) {
                    messages.add(MailBody.document(text, part.get(TikaCoreProperties.TITLE)));
                }
                else {
                    attachments.add(text.strip());
                }
            }
        }
        cut |= parts.stream().anyMatch(part -> "true".equals(part.get(TikaCoreProperties.WRITE_LIMIT_REACHED)));
        if (!attachments.isEmpty()) {
            return new Extracted(String.join("\n\n", attachments), cut);
        }
        if (unreadable != null) {
            throw UnreadableDocumentException.of(document, "its attachment cannot be read: " + unreadable, null);
        }
        if (!messages.isEmpty()) {
            return new Extracted(String.join("\n\n", messages), cut);
        }
        Metadata email = parts.get(0);
        return new Extracted(MailBody.document(String.valueOf(email.get(TikaCoreProperties.TIKA_CONTENT)),
                email.get(TikaCoreProperties.TITLE)), cut);
    }

    private static ParseContext context(boolean embedded) {
        ParseContext context = new ParseContext();
        if (!embedded) {
            context.set(EmbeddedDocumentExtractor.class, new EmbeddedDocumentExtractor() {
                @Override
                public boolean shouldParseEmbedded(Metadata metadata) {
                    return false;
                }

                @Override
                public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata,
                        boolean outputHtml) {
                    // images and embedded objects carry no text a briefing needs
                }
            });
        }
        // OCR would run an external program for every image: not for briefings.
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    private static Metadata metadata(SourceDocument document) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, document.name());
        return metadata;
    }

    /**
     * Runs a parse on its own thread, abandoning it after the time limit. A parse that ignores
     * being interrupted keeps its thread; at most {@link #MAX_STUCK_PARSES} may, so that hostile
     * files cannot pile up threads and memory without bound: past that, documents are refused
     * unread (quarantined, so nothing is lost) until the stuck parses end or the process restarts.
     */
    private Extracted withTimeout(SourceDocument document, Callable<Extracted> work) {
        int alreadyStuck = stuck.get();
        if (alreadyStuck >= MAX_STUCK_PARSES) {
            throw UnreadableDocumentException.of(document, "not read: " + alreadyStuck + " earlier documents are still "
                    + "being read past watchbrief.intake.parse-timeout and could not be stopped; restart Watchbrief, "
                    + "then put this file back into the inbox", null);
        }
        Parse parse = new Parse();
        Future<Extracted> future = PARSING.submit(() -> {
            parse.started();
            try {
                return work.call();
            }
            finally {
                parse.ended();
            }
        });
        try {
            return future.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            future.cancel(true);
            parse.abandon(document);
            throw UnreadableDocumentException.of(document, "reading it took longer than " + limits.timeout().toSeconds()
                    + " s (watchbrief.intake.parse-timeout); it may be built to exhaust the reader", null);
        }
        catch (InterruptedException ex) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + document.sourceKey(), ex);
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof UnreadableDocumentException unreadable) {
                throw unreadable;
            }
            if (cause instanceof OutOfMemoryError) {
                throw UnreadableDocumentException.of(document, "reading it ran out of memory", cause);
            }
            throw failure(document, FORMAT_NAMES.getOrDefault(extension(document.name()), "file"), cause);
        }
    }

    /** Parses abandoned after their time limit that still run. */
    int stuckParses() {
        return stuck.get();
    }

    /** One parse's fate: counted as stuck from when it is abandoned until it ends, if ever. */
    private final class Parse {

        /** How long a parse interrupted at its time limit is given to stop before it counts as stuck. */
        private static final long GRACE_MILLIS = 1000;

        private final CountDownLatch done = new CountDownLatch(1);

        private boolean started;

        private boolean abandoned;

        synchronized void started() {
            started = true;
        }

        synchronized void ended() {
            if (abandoned) {
                stuck.decrementAndGet();
                log.info("A document read abandoned after its time limit has ended at last");
            }
            done.countDown();
        }

        void abandon(SourceDocument document) {
            try {
                if (done.await(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                // cancelled before it started, it never will
                if (started && done.getCount() > 0) {
                    abandoned = true;
                    int now = stuck.incrementAndGet();
                    log.error("{}: its reading did not stop when interrupted and is left running on its own thread "
                            + "({} such now; at {} documents are refused unread until they end or Watchbrief restarts)",
                            document.sourceKey(), now, MAX_STUCK_PARSES);
                }
            }
        }
    }

    private static UnreadableDocumentException failure(SourceDocument document, String format, Throwable ex) {
        if (chain(ex).stream().anyMatch(t -> t instanceof EncryptedDocumentException
                || t.getClass().getSimpleName().equals("InvalidPasswordException"))) {
            return UnreadableDocumentException.of(document, "the " + format + " is encrypted (password-protected)", ex);
        }
        String detail = rootMessage(ex);
        if (detail.toLowerCase(Locale.ROOT).contains("zip bomb")) {
            return UnreadableDocumentException.of(document, "suspected zip bomb: " + detail, ex);
        }
        return UnreadableDocumentException.of(document,
                "the " + format + " cannot be read (damaged or truncated?): " + detail, ex);
    }

    /** A PDF ends with %%EOF; PDFBox reads a truncated one without complaint, so we look. */
    private static void requireEndOfFile(SourceDocument document) {
        byte[] bytes = document.content();
        int from = Math.max(0, bytes.length - 1024);
        String tail = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) {
            throw UnreadableDocumentException.of(document,
                    "the PDF is truncated: it does not end with the %%EOF marker every complete PDF has", null);
        }
    }

    /**
     * Word and OpenDocument files never need a DOCTYPE; one in their XML is how external-entity
     * attacks arrive. Reads only the start of each XML part, so a zip bomb is not inflated here.
     */
    private static void refuseDoctype(SourceDocument document, String format) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(document.content()))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith(".xml") || name.endsWith(".rels")) {
                    String start = new String(zip.readNBytes(4096), StandardCharsets.UTF_8);
                    if (start.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
                        throw UnreadableDocumentException.of(document, "the " + format + " declares a DOCTYPE in "
                                + entry.getName() + ", which such files never need: refused as a possible XML "
                                + "external-entity attack", null);
                    }
                }
            }
        }
        catch (IOException ex) {
            // not a readable zip: Tika's detection and parser say what is wrong with it
        }
    }

    /**
     * An XFA form's XML never needs a DOCTYPE either. Tika parses it safely (no external entity is
     * fetched), but a PDF built to carry one is refused like a Word file that does.
     */
    private static void refuseXfaDoctype(SourceDocument document) {
        byte[] xfa;
        try (PDDocument pdf = Loader.loadPDF(document.content())) {
            PDAcroForm form = pdf.getDocumentCatalog().getAcroForm(null);
            PDXFAResource resource = form == null ? null : form.getXFA();
            xfa = resource == null ? new byte[0] : resource.getBytes();
        }
        catch (IOException ex) {
            // Tika read it; what PDFBox alone cannot is left to that reading
            return;
        }
        if (new String(xfa, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            throw UnreadableDocumentException.of(document, "the PDF's XFA form declares a DOCTYPE, which forms never "
                    + "need: refused as a possible XML external-entity attack", null);
        }
    }

    private static List<Throwable> chain(Throwable ex) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = ex; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String rootMessage(Throwable ex) {
        String message = null;
        for (Throwable t : chain(ex)) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? ex.getClass().getSimpleName() : firstLine(message);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 299) + "…" : line;
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
