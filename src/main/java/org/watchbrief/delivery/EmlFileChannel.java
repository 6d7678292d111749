package org.watchbrief.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailSendException;
import org.watchbrief.render.AtomicFiles;
import org.watchbrief.render.RenderException;

/**
 * Writes each email as an .eml file (RFC 822) beside the digest, for when no SMTP host is
 * configured: any mail client opens it, and nothing is lost. A resend gets a file of its own.
 */
final class EmlFileChannel implements EmailChannel {

    private final Session session = Session.getInstance(new Properties());

    @Override
    public Session session() {
        return session;
    }

    @Override
    public String deliver(MimeMessage message, BriefingEmail email) {
        Path file = file(email);
        try {
            AtomicFiles.write(file, out -> {
                try {
                    message.writeTo(out);
                }
                catch (MessagingException ex) {
                    throw new IOException(ex.getMessage(), ex);
                }
            });
        }
        catch (RenderException ex) {
            throw new MailSendException(ex.getMessage(), ex);
        }
        return file.toString();
    }

    static Path file(BriefingEmail email) {
        return email.letter().directory().resolve("email-" + email.recipient().replaceAll("[^A-Za-z0-9@._-]", "_")
                + (email.resend() == 0 ? "" : "-resend-" + email.resend()) + ".eml");
    }

    @Override
    public String describe() {
        return ".eml files beside each digest (no spring.mail.host is set)";
    }
}
