package org.watchbrief.delivery;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The email of one digest, the same for every recipient.
 *
 * @param digestId the digest
 * @param subject the subject line, one line
 * @param text the plain-text body
 * @param html the HTML body, the same content as {@code text}
 * @param attachments the digest's files
 * @param directory where .eml files are written when there is no SMTP server: beside the digest
 */
public record Letter(long digestId, String subject, String text, String html, List<Path> attachments,
        Path directory) {

    public Letter {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(directory, "directory");
    }
}
