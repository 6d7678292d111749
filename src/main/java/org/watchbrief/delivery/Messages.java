package org.watchbrief.delivery;

import java.nio.file.Path;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Builds the MIME message of one email: multipart/mixed holding a multipart/alternative (plain
 * text, then HTML) and the digest's files; the deterministic Message-ID; every address and
 * header value checked first.
 */
final class Messages {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final DeliveryProperties properties;

    Messages(DeliveryProperties properties) {
        this.properties = properties;
    }

    MimeMessage build(Session session, BriefingEmail email) {
        Letter letter = email.letter();
        String messageId = email.messageId();
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
            helper.setFrom(EmailAddresses.parse(properties.from()));
            if (properties.replyTo() != null) {
                helper.setReplyTo(EmailAddresses.parse(properties.replyTo()));
            }
            helper.setTo(EmailAddresses.parse(email.recipient()));
            helper.setSubject(EmailAddresses.requireOneLine(letter.subject()));
            helper.setSentDate(new Date());
            helper.setText(letter.text(), letter.html());
            for (Path attachment : letter.attachments()) {
                String name = attachment.getFileName().toString();
                helper.addAttachment(name, new FileSystemResource(attachment),
                        name.endsWith(".pdf") ? "application/pdf" : name.endsWith(".docx") ? DOCX
                                : "application/octet-stream");
            }
            message.saveChanges();
            return message;
        }
        catch (MessagingException | IllegalArgumentException ex) {
            throw new MailPreparationException("cannot build the email to " + email.recipient() + ": "
                    + ex.getMessage(), ex);
        }
    }
}
