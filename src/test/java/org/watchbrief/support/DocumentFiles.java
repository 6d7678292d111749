package org.watchbrief.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Real documents of every format Watchbrief reads, built by the libraries users' software uses
 * (POI for Word, OpenPDF for PDF, Jakarta Mail for email, the ODF and RTF formats by hand), and
 * the hostile variants intake must refuse. Each holds the given lines as paragraphs.
 */
public final class DocumentFiles {

    private DocumentFiles() {
    }

    public static byte[] docx(List<String> paragraphs) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraphs.forEach(p -> document.createParagraph().createRun().setText(p));
            document.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static byte[] pdf(List<String> paragraphs) {
        return pdf(paragraphs, null);
    }

    /** A PDF that opens only with the user password. */
    public static byte[] encryptedPdf(List<String> paragraphs, String userPassword) {
        return pdf(paragraphs, userPassword);
    }

    private static byte[] pdf(List<String> paragraphs, String userPassword) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Document document = new Document()) {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            if (userPassword != null) {
                writer.setEncryption(userPassword.getBytes(StandardCharsets.UTF_8),
                        "owner".getBytes(StandardCharsets.UTF_8), PdfWriter.ALLOW_PRINTING,
                        PdfWriter.STANDARD_ENCRYPTION_128);
            }
            document.open();
            for (String paragraph : paragraphs) {
                document.add(new Paragraph(paragraph));
            }
        }
        return out.toByteArray();
    }

    /** An OpenDocument text: the mimetype entry first and stored, content.xml, the manifest. */
    public static byte[] odt(List<String> paragraphs) {
        return odt(contentXml(paragraphs.stream().map(DocumentFiles::escape).toList(), ""));
    }

    /** An OpenDocument text whose content.xml declares an external entity reading {@code file}. */
    public static byte[] odtWithExternalEntity(String fileUri) {
        String content = contentXml(List.of("Leaked: &xxe;"), "<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM \""
                + fileUri + "\">]>");
        return odt(content);
    }

    private static byte[] odt(String contentXml) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
        entries.put("content.xml", contentXml.getBytes(StandardCharsets.UTF_8));
        entries.put("META-INF/manifest.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
                manifest:version="1.2">
                <manifest:file-entry manifest:full-path="/" \
                manifest:media-type="application/vnd.oasis.opendocument.text"/>
                <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>""".getBytes(StandardCharsets.UTF_8));
        return zip(entries, true);
    }

    /** @param paragraphs XML already escaped */
    private static String contentXml(List<String> paragraphs, String doctype) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").append(doctype)
            .append("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" ")
            .append("xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">")
            .append("<office:body><office:text>");
        for (String paragraph : paragraphs) {
            xml.append("<text:p>").append(paragraph).append("</text:p>");
        }
        return xml.append("</office:text></office:body></office:document-content>").toString();
    }

    /** An RTF document, non-ASCII characters written as RTF escapes of Windows-1252. */
    public static byte[] rtf(List<String> paragraphs) {
        StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0 ");
        for (String paragraph : paragraphs) {
            for (char c : paragraph.toCharArray()) {
                if (c == '\\' || c == '{' || c == '}') {
                    rtf.append('\\').append(c);
                }
                else if (c > 127) {
                    byte[] cp1252 = String.valueOf(c).getBytes(java.nio.charset.Charset.forName("windows-1252"));
                    rtf.append(String.format("\\'%02x", cp1252[0] & 0xFF));
                }
                else {
                    rtf.append(c);
                }
            }
            rtf.append("\\par ");
        }
        return rtf.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** An email whose body is the given text. */
    public static byte[] email(String subject, String body) {
        try {
            MimeMessage message = message(subject);
            message.setText(body, "UTF-8");
            return write(message);
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** An email with a short note as its body and the given files attached. */
    public static byte[] emailWithAttachments(String subject, String note, Map<String, byte[]> attachments) {
        try {
            MimeMessage message = message(subject);
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(note, "UTF-8");
            parts.addBodyPart(text);
            for (Map.Entry<String, byte[]> attachment : attachments.entrySet()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setContent(attachment.getValue(), "application/octet-stream");
                part.setFileName(attachment.getKey());
                part.setDisposition(Part.ATTACHMENT);
                parts.addBodyPart(part);
            }
            message.setContent(parts);
            return write(message);
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static MimeMessage message(String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("colleague@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("briefings@example.org"));
        message.setSubject(subject, "UTF-8");
        return message;
    }

    private static byte[] write(MimeMessage message) throws MessagingException {
        try {
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A .docx whose document part inflates from a few kilobytes to {@code characters} characters:
     * a zip bomb in the shape Word files take.
     */
    public static byte[] zipBombDocx(int characters) {
        Map<String, byte[]> entries = entries(docx(List.of("PLACEHOLDER")));
        String document = new String(entries.get("word/document.xml"), StandardCharsets.UTF_8);
        entries.put("word/document.xml",
                document.replace("PLACEHOLDER", "a".repeat(characters)).getBytes(StandardCharsets.UTF_8));
        return zip(entries, false);
    }

    /** A .docx whose document part declares an external entity reading {@code fileUri}. */
    public static byte[] docxWithExternalEntity(String fileUri) {
        Map<String, byte[]> entries = entries(docx(List.of("PLACEHOLDER")));
        String document = new String(entries.get("word/document.xml"), StandardCharsets.UTF_8);
        entries.put("word/document.xml", document
            .replaceFirst("\\?>", "?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + fileUri + "\">]>")
            .replace("PLACEHOLDER", "Leaked: &xxe;")
            .getBytes(StandardCharsets.UTF_8));
        return zip(entries, false);
    }

    private static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries, boolean storeFirst) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            boolean first = true;
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                if (first && storeFirst) {
                    CRC32 crc = new CRC32();
                    crc.update(entry.getValue());
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(entry.getValue().length);
                    zipEntry.setCrc(crc.getValue());
                }
                first = false;
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
