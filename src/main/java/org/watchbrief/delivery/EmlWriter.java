package org.watchbrief.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Date;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.watchbrief.render.AtomicFiles;

/**
 * Writes an email as an .eml file (RFC 822) beside the digest, for when no SMTP host is
 * configured: any mail client opens it, and nothing is lost.
 */
public final class EmlWriter {

    private final DeliveryProperties properties;

    private final Session session = Session.getInstance(new Properties());

    public EmlWriter(DeliveryProperties properties) {
        this.properties = properties;
    }

    /** Writes the email into the directory; returns the file. */
    public Path write(BriefingEmail email, Path directory) {
        Path file = directory.resolve("email-" + email.recipient().replaceAll("[^A-Za-z0-9@._-]", "_") + ".eml");
        return AtomicFiles.write(file, out -> {
            try {
                message(email).writeTo(out);
            }
            catch (MessagingException ex) {
                throw new IOException("cannot build the email to " + email.recipient() + ": " + ex.getMessage(), ex);
            }
        });
    }

    MimeMessage message(BriefingEmail email) throws MessagingException {
        String messageId = BriefingEmail.messageId(email.digestId(), email.recipient());
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(properties.from(), true));
        if (properties.replyTo() != null && !properties.replyTo().isBlank()) {
            message.setReplyTo(InternetAddress.parse(properties.replyTo(), true));
        }
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email.recipient(), true));
        message.setSubject(email.subject(), "UTF-8");
        message.setSentDate(new Date());
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), "UTF-8");
        mixed.addBodyPart(text);
        for (Path attachment : email.attachments()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new FileDataSource(attachment.toFile())));
            part.setFileName(attachment.getFileName().toString());
            mixed.addBodyPart(part);
        }
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }
}
