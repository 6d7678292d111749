package org.watchbrief.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** An email as a reader's mail client sees it: its text, its HTML and its attachments. */
public record Emails(String text, String html, Map<String, byte[]> attachments) {

    public static Emails read(MimeMessage message) throws MessagingException, IOException {
        Emails parts = new Emails(null, null, new LinkedHashMap<>());
        return parts.walk(message);
    }

    private Emails walk(Part part) throws MessagingException, IOException {
        Emails result = this;
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                result = result.walk(child);
            }
            return result;
        }
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            try (InputStream in = part.getInputStream()) {
                attachments.put(part.getFileName(), in.readAllBytes());
            }
            return result;
        }
        if (part.isMimeType("text/plain")) {
            return new Emails((String) part.getContent(), html, attachments);
        }
        if (part.isMimeType("text/html")) {
            return new Emails(text, (String) part.getContent(), attachments);
        }
        return result;
    }

    /** The address each message went to, sorted: one entry per email received. */
    public static List<String> recipients(MimeMessage... messages) {
        return Arrays.stream(messages).map(message -> {
            try {
                return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
            }
            catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }).sorted().toList();
    }

    /** The content types of the message's tree, depth first: "multipart/mixed > multipart/alternative > ...". */
    public static String structure(Part part) throws MessagingException, IOException {
        String type = part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!part.isMimeType("multipart/*")) {
            return type;
        }
        Multipart multipart = (Multipart) part.getContent();
        StringBuilder children = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            children.append(i == 0 ? "" : ", ").append(structure(multipart.getBodyPart(i)));
        }
        return type + " [" + children + "]";
    }
}
