package org.watchbrief.delivery;

/** Emails could not be delivered; the message names the recipients and why. */
public class DeliveryException extends RuntimeException {

    public DeliveryException(String message) {
        super(message);
    }
}
