package dev.nohold.channel.email;

import dev.nohold.core.channel.DeliveryException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.util.HashSet;
import java.util.Set;

/**
 * Says whether a failed SMTP send may pass later, from the server's reply code (RFC 5321): a 4xx is a
 * "try again later" (a full mailbox, greylisting), a 5xx a refusal no retry changes (no such user). No reply at all
 * (the server unreachable, a timeout) is worth a retry; a refused login is our configuration, reported as such.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static DeliveryException of(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            Integer code = replyCode(t);
            if (code != null) {
                String reason = "The mail server answered " + t.getMessage().strip();
                return code >= 500 ? DeliveryException.permanentFailure(reason)
                        : DeliveryException.transientFailure(reason, failure);
            }
            if (t instanceof AuthenticationFailedException) {
                return DeliveryException.permanentFailure("The mail server refused our login: check"
                        + " nohold.email.outgoing.username and password");
            }
        }
        return DeliveryException.transientFailure("The mail server could not be reached: " + describe(failure),
                failure);
    }

    private static Integer replyCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException send) {
            return send.getReturnCode() > 0 ? send.getReturnCode() : null;
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return t.getCause();
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }
}
