package org.watchbrief.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a plain-text file (.txt, .md) whose encoding is not declared. The rule, in order:
 * <ol>
 * <li>a byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE, and the text must then be valid in it;</li>
 * <li>NUL bytes mean binary content (or UTF-16 without a byte-order mark): refused;</li>
 * <li>valid UTF-8 is UTF-8 (plain ASCII is both);</li>
 * <li>text that holds valid UTF-8 sequences beside invalid bytes is damaged UTF-8: refused, with the
 * offset of the first bad byte;</li>
 * <li>otherwise it is Windows-1252 (what older Windows tools save) if every byte is a Windows-1252
 * character and no control character other than tab, line and page breaks occurs: refused if not.</li>
 * </ol>
 */
final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    static String decode(SourceDocument document) {
        byte[] bytes = document.content();
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(document, StandardCharsets.UTF_8, 3);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(document, StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(document, StandardCharsets.UTF_16BE, 2);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw UnreadableDocumentException.of(document, "binary content in a text file (a NUL byte at offset " + i
                        + "); is the extension right? (UTF-16 text needs a byte-order mark)", null);
            }
        }
        int badUtf8 = firstMalformed(bytes, StandardCharsets.UTF_8);
        if (badUtf8 < 0) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (holdsUtf8Sequence(bytes)) {
            throw UnreadableDocumentException.of(document, "the text is not valid UTF-8: a malformed sequence at byte "
                    + badUtf8 + ", although other non-ASCII characters are UTF-8; the file is damaged or mixes encodings",
                    null);
        }
        int bad1252 = firstMalformed(bytes, WINDOWS_1252);
        if (bad1252 >= 0) {
            throw UnreadableDocumentException.of(document, "the text is neither UTF-8 nor Windows-1252: byte " + bad1252
                    + " (0x" + Integer.toHexString(bytes[bad1252] & 0xFF) + ") is no character in either", null);
        }
        String text = new String(bytes, WINDOWS_1252);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                throw UnreadableDocumentException.of(document,
                        "binary content in a text file (control character 0x" + Integer.toHexString(c) + " at offset " + i
                                + ")",
                        null);
            }
        }
        return text;
    }

    private static String strict(SourceDocument document, Charset charset, int bom) {
        byte[] bytes = document.content();
        try {
            return decoder(charset).decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom)).toString();
        }
        catch (CharacterCodingException ex) {
            throw UnreadableDocumentException.of(document, "the text is not valid " + charset.name()
                    + " although its byte-order mark says it is", ex);
        }
    }

    /** The offset of the first byte that does not decode, -1 when all do. */
    private static int firstMalformed(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = decoder(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // a byte gives one character at most in UTF-8 and Windows-1252: a small text decodes in one
        // pass without a 16 KB buffer per document (a backfill reads a million)
        CharBuffer out = CharBuffer.allocate(Math.min(8192, Math.max(16, bytes.length)));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                result = decoder.flush(out);
                return result.isError() ? in.position() : -1;
            }
            out.clear();
        }
    }

    /** Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence. */
    private static boolean holdsUtf8Sequence(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            int length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
            if (length == 0 || i + length > bytes.length) {
                continue;
            }
            boolean sequence = true;
            for (int k = 1; k < length && sequence; k++) {
                sequence = (bytes[i + k] & 0xC0) == 0x80;
            }
            if (sequence && firstMalformed(java.util.Arrays.copyOfRange(bytes, i, i + length),
                    StandardCharsets.UTF_8) < 0) {
                return true;
            }
        }
        return false;
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
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
}
