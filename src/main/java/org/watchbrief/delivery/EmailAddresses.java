package org.watchbrief.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The rules every address and header value obeys before it reaches a message: one strictly
 * valid address per value, and no line break anywhere (a CR or LF in a header value would let
 * it add headers of its own, such as a Bcc).
 */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    /**
     * One address, strictly parsed ({@code managers@example.org} or
     * {@code Watchbrief <briefings@example.org>}).
     *
     * @throws IllegalArgumentException saying what is wrong with it, in words fit for an error line
     */
    public static InternetAddress parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("is empty; give an email address");
        }
        requireOneLine(value);
        try {
            InternetAddress[] all = InternetAddress.parse(value, true);
            if (all.length != 1) {
                throw new IllegalArgumentException("'" + value + "' holds " + all.length
                        + " addresses; give one address per entry");
            }
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            return address;
        }
        catch (AddressException ex) {
            throw new IllegalArgumentException("'" + value + "' is not an email address (" + ex.getMessage() + ")");
        }
    }

    /**
     * @throws IllegalArgumentException when the value holds a CR or LF
     */
    public static String requireOneLine(String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("'" + value.replace("\r", "\\r").replace("\n", "\\n")
                    + "' holds a line break, which would inject mail headers; it must be one line");
        }
        return value;
    }
}
