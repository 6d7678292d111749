package org.watchbrief.delivery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * What a failed send means: worth retrying (the server unreachable, a timeout, a 4xx reply), a
 * recipient the server will never accept (a 5xx reply about the address), or a fault no retry
 * mends (a refused login, a message that cannot be built). Reads Spring Mail's exceptions, the
 * per-message exceptions inside them, and Jakarta Mail's chained ones.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    /**
     * Worth trying again after a pause. A refused login is not (trying a wrong password again only
     * risks locking the account) unless the server says the failure is temporary (454); nor is an
     * Error (the JVM's trouble, not the server's).
     */
    static boolean isTransient(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(Error.class::isInstance)) {
            return false;
        }
        if (chain.stream().anyMatch(t -> t instanceof MailAuthenticationException
                || t instanceof AuthenticationFailedException)) {
            return chain.stream().filter(AuthenticationFailedException.class::isInstance)
                .map(t -> String.valueOf(t.getMessage()).strip())
                .anyMatch(reply -> reply.matches("4\\d\\d\\b.*"));
        }
        if (chain.stream().anyMatch(MailPreparationException.class::isInstance)) {
            return false;
        }
        for (Throwable t : chain) {
            int code = replyCode(t);
            if (code > 0) {
                return code >= 400 && code < 500;
            }
        }
        return !isRecipientRejected(failure);
    }

    /** The server refused this recipient for good (a 5xx about the address): the others may still go. */
    static boolean isRecipientRejected(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SendFailedException sendFailed && !(t instanceof SMTPSendFailedException)
                    && sendFailed.getInvalidAddresses() != null && sendFailed.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    /** One line for the outbox and the log: what happened, with the server's reply where there is one. */
    static String describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(t -> t instanceof MailAuthenticationException
                || t instanceof AuthenticationFailedException)) {
            return "the SMTP server refused the login; check spring.mail.username and spring.mail.password ("
                    + deepest(chain, AuthenticationFailedException.class) + ")";
        }
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException || t instanceof SMTPSendFailedException) {
                return "the SMTP server answered: " + oneLine(t.getMessage());
            }
        }
        for (Throwable t : chain) {
            if (t instanceof IOException) {
                return "the SMTP server could not be reached or stopped answering (" + t.getClass().getSimpleName()
                        + ": " + oneLine(t.getMessage()) + ")";
            }
        }
        Throwable last = chain.get(chain.size() - 1);
        return oneLine(failure.getMessage() != null ? failure.getMessage() : failure.toString())
                + (last == failure || last.getMessage() == null ? "" : " (" + oneLine(last.getMessage()) + ")");
    }

    private static int replyCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        return -1;
    }

    private static String deepest(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().filter(type::isInstance).map(Throwable::getMessage).map(SmtpFailures::oneLine)
            .reduce((a, b) -> b)
            .orElse("no reason given");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** The failure, its causes, Jakarta Mail's next exceptions and Spring's per-message exceptions. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(failure, chain, seen);
        return chain;
    }

    private static void collect(Throwable t, List<Throwable> chain, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        chain.add(t);
        if (t instanceof MailSendException send) {
            for (Map.Entry<Object, Exception> failed : send.getFailedMessages().entrySet()) {
                collect(failed.getValue(), chain, seen);
            }
        }
        if (t instanceof MessagingException messaging) {
            collect(messaging.getNextException(), chain, seen);
        }
        collect(t.getCause(), chain, seen);
    }
}
