package org.watchbrief.delivery;

import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the SMTP server of {@code spring.mail.*}. Before the first send it completes the
 * session's settings: TLS as {@code watchbrief.delivery.smtp.tls} says, connect, read and write
 * timeouts (Jakarta Mail waits forever by default), and the debug output off, since it prints
 * message bodies and the login exchange.
 */
final class SmtpChannel implements EmailChannel {

    private final JavaMailSenderImpl sender;

    private final DeliveryProperties.Smtp smtp;

    SmtpChannel(JavaMailSenderImpl sender, DeliveryProperties.Smtp smtp) {
        this.sender = sender;
        this.smtp = smtp;
        Properties session = sender.getJavaMailProperties();
        String protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
        String prefix = "mail." + protocol + ".";
        session.setProperty(prefix + "connectiontimeout", String.valueOf(smtp.connectTimeout().toMillis()));
        session.setProperty(prefix + "timeout", String.valueOf(smtp.timeout().toMillis()));
        session.setProperty(prefix + "writetimeout", String.valueOf(smtp.timeout().toMillis()));
        switch (smtp.tls()) {
            case STARTTLS -> {
                session.setProperty(prefix + "starttls.enable", "true");
                session.setProperty(prefix + "starttls.required", "true");
                session.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case SSL -> {
                session.setProperty(prefix + "ssl.enable", "true");
                session.setProperty(prefix + "ssl.checkserveridentity", "true");
                if (sender.getPort() <= 0) {
                    sender.setPort(465);
                }
            }
            case NONE -> {
                // a relay on the same machine, or a test server
            }
        }
        if (sender.getUsername() != null && !sender.getUsername().isBlank()) {
            session.setProperty(prefix + "auth", "true");
        }
        session.setProperty("mail.debug", "false");
        session.setProperty("mail.debug.auth", "false");
        sender.setJavaMailProperties(session);
    }

    @Override
    public Session session() {
        return sender.getSession();
    }

    @Override
    public String deliver(MimeMessage message, BriefingEmail email) {
        sender.send(message);
        return "smtp://" + sender.getHost() + ":" + port();
    }

    private int port() {
        return sender.getPort() > 0 ? sender.getPort() : 25;
    }

    @Override
    public String describe() {
        String security = switch (smtp.tls()) {
            case STARTTLS -> "STARTTLS";
            case SSL -> "TLS";
            case NONE -> "no TLS";
        };
        return "SMTP " + sender.getHost() + ":" + port() + " (" + security
                + (sender.getUsername() == null ? "" : ", as " + sender.getUsername()) + ")";
    }
}
