package org.watchbrief.delivery;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failed sends are worth retrying, as Spring Mail reports them. */
class SmtpFailuresTests {

    private static MailSendException perMessage(Exception failure) {
        return new MailSendException(Map.of(new Object(), failure));
    }

    @Test
    void aServerThatCannotBeReachedIsTriedAgain() {
        // given
        MailSendException down = new MailSendException("Mail server connection failed", new MailConnectException(
                new SocketConnectException("Connection refused", new ConnectException("Connection refused"),
                        "127.0.0.1", 25, 1000)));
        // when, then
        assertThat(SmtpFailures.isTransient(down)).isTrue();
        assertThat(SmtpFailures.isRecipientRejected(down)).isFalse();
        assertThat(SmtpFailures.describe(down)).startsWith("the SMTP server could not be reached");
    }

    @Test
    void aTemporaryRefusalIsTriedAgainAndAPermanentOneIsNot() throws Exception {
        // given
        InternetAddress alice = new InternetAddress("alice@example.org");
        MailSendException busy = perMessage(new SMTPSendFailedException("DATA", 451,
                "451 4.3.0 Try again later", null, null, null, null));
        MailSendException unknown = perMessage(new MessagingException("send failed",
                new SMTPAddressFailedException(alice, "RCPT TO", 550, "550 5.1.1 No such user")));
        // when, then
        assertThat(SmtpFailures.isTransient(busy)).isTrue();
        assertThat(SmtpFailures.isTransient(unknown)).isFalse();
        assertThat(SmtpFailures.isRecipientRejected(unknown)).isTrue();
        assertThat(SmtpFailures.describe(unknown)).isEqualTo("the SMTP server answered: 550 5.1.1 No such user");
    }

    @Test
    void aRefusedLoginIsNotRetriedAndSaysWhatToCheck() {
        // given
        MailAuthenticationException refused = new MailAuthenticationException(
                new AuthenticationFailedException("535 5.7.8 Authentication credentials invalid"));
        // when, then
        assertThat(SmtpFailures.isTransient(refused)).isFalse();
        assertThat(SmtpFailures.isRecipientRejected(refused)).isFalse();
        assertThat(SmtpFailures.describe(refused)).isEqualTo("the SMTP server refused the login; check "
                + "spring.mail.username and spring.mail.password (535 5.7.8 Authentication credentials invalid)");
    }

    @Test
    void aLoginTheServerRefusesForNowIsTriedAgain() {
        // given: 454, a temporary authentication failure (the server's password store is down)
        MailAuthenticationException later = new MailAuthenticationException(
                new AuthenticationFailedException("454 4.7.0 Temporary authentication failure"));
        // when, then
        assertThat(SmtpFailures.isTransient(later)).isTrue();
        assertThat(SmtpFailures.describe(later)).startsWith("the SMTP server refused the login");
    }

    @Test
    void anErrorOfTheJvmIsNeverTriedAgain() {
        assertThat(SmtpFailures.isTransient(new OutOfMemoryError("Java heap space"))).isFalse();
        assertThat(SmtpFailures.isTransient(new MailSendException("send failed", new StackOverflowError()))).isFalse();
    }
}
