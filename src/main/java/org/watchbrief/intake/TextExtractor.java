package org.watchbrief.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Gets the text out of a document's bytes: plain text and Markdown are decoded, HTML goes through
 * Apache Tika. Any failure is an {@link UnreadableDocumentException} naming the document.
 */
public final class TextExtractor {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final int maxCharacters;

    /** @param maxCharacters the most characters of text kept from one document */
    public TextExtractor(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    public static boolean supports(String fileName) {
        String extension = extension(fileName);
        return extension.equals("txt") || extension.equals("md") || extension.equals("html")
                || extension.equals("htm");
    }

    public String extract(SourceDocument document) {
        if (document.content().length == 0) {
            throw new UnreadableDocumentException(document.sourceKey(), "the file is empty");
        }
        String text = switch (extension(document.name())) {
            case "html", "htm" -> html(document);
            case "txt", "md" -> decode(document);
            default -> throw new UnreadableDocumentException(document.sourceKey(),
                    "unsupported file type; Watchbrief reads .txt, .md and .html files");
        };
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) {
            throw new UnreadableDocumentException(document.sourceKey(), "the file holds no text");
        }
        return text.length() > maxCharacters ? text.substring(0, maxCharacters) : text;
    }

    private String decode(SourceDocument document) {
        byte[] bytes = document.content();
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strictDecode(document, StandardCharsets.UTF_8, 3);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strictDecode(document, StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strictDecode(document, StandardCharsets.UTF_16BE, 2);
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new UnreadableDocumentException(document.sourceKey(),
                        "binary content in a text file (NUL bytes); is the extension right?");
            }
        }
        try {
            return decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException notUtf8) {
            // Text saved by older Windows tools: every byte is a character in windows-1252.
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static String strictDecode(SourceDocument document, Charset charset, int bom) {
        try {
            return decoder(charset).decode(ByteBuffer.wrap(document.content(), bom, document.content().length - bom))
                .toString();
        }
        catch (CharacterCodingException ex) {
            throw new UnreadableDocumentException(document.sourceKey(),
                    "the text is not valid " + charset.name() + " although its byte-order mark says so", ex);
        }
    }

    private String html(SourceDocument document) {
        BodyContentHandler handler = new BodyContentHandler(maxCharacters);
        try {
            new JSoupParser().parse(new ByteArrayInputStream(document.content()), handler, new Metadata(),
                    new ParseContext());
        }
        catch (SAXException ex) {
            if (!WriteLimitReachedException.isWriteLimitReached(ex)) {
                throw new UnreadableDocumentException(document.sourceKey(), "the HTML cannot be parsed: " + ex, ex);
            }
        }
        catch (IOException | TikaException ex) {
            throw new UnreadableDocumentException(document.sourceKey(), "the HTML cannot be parsed: " + ex, ex);
        }
        return handler.toString();
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
