package org.watchbrief.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One email of one digest to one recipient.
 *
 * @param letter what it says
 * @param recipient one address
 * @param resend 0 for the delivery itself, 1 for the first resend, and so on
 */
public record BriefingEmail(Letter letter, String recipient, int resend) {

    public BriefingEmail {
        Objects.requireNonNull(letter, "letter");
        Objects.requireNonNull(recipient, "recipient");
    }

    public String messageId() {
        return messageId(letter.digestId(), recipient, resend);
    }

    /**
     * The Message-ID of a digest's email to a recipient: the same for every attempt to send it, so
     * that a repeat after a lost acknowledgement can be recognised by the receiving system.
     */
    public static String messageId(long digestId, String recipient) {
        return messageId(digestId, recipient, 0);
    }

    /**
     * The Message-ID of a resend: a new one, because an operator's resend is meant to arrive even
     * where a receiving system drops repeats of a Message-ID it has seen.
     */
    public static String messageId(long digestId, String recipient, int resend) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest(recipient.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "<digest-" + digestId + "." + HexFormat.of().formatHex(hash, 0, 8)
                    + (resend == 0 ? "" : ".resend-" + resend) + "@watchbrief>";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }
}
