package org.watchbrief.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One email of one digest to one recipient.
 *
 * @param digestId the digest
 * @param recipient one address
 * @param subject the subject line
 * @param text the plain-text body
 * @param attachments the digest files
 */
public record BriefingEmail(long digestId, String recipient, String subject, String text, List<Path> attachments) {

    public BriefingEmail {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        attachments = List.copyOf(attachments);
    }

    /**
     * The Message-ID, the same for every attempt to send this digest to this recipient, so that a
     * repeat after a lost acknowledgement can be recognised.
     */
    public static String messageId(long digestId, String recipient) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest(recipient.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "<digest-" + digestId + "." + HexFormat.of().formatHex(hash, 0, 8) + "@watchbrief>";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }
}
