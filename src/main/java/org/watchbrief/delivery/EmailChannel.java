package org.watchbrief.delivery;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Where emails go: an SMTP server, or .eml files when none is configured. */
interface EmailChannel {

    /** The session messages for this channel are built in. */
    Session session();

    /**
     * Sends or writes one message; returns where it went, for the outbox (never a secret).
     *
     * @throws org.springframework.mail.MailException when it could not
     */
    String deliver(MimeMessage message, BriefingEmail email);

    /** "SMTP mail.example.org:587 (STARTTLS)" or ".eml files beside each digest", for logs. */
    String describe();
}
