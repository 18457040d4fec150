package dev.nohold.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Locale;
import java.util.Optional;

/**
 * Mail that no person wrote to us, which must never become a request: answering it would start a loop between our
 * answers and someone's auto-responder. The signs are RFC 3834's {@code Auto-Submitted}, the older
 * {@code Precedence} and {@code X-Autoreply}, delivery reports (RFC 3464, {@code multipart/report}, from the
 * MAILER-DAEMON), and mail from our own address.
 */
final class AutomaticMail {

    private AutomaticMail() {
    }

    /** Why this mail is automatic, or empty when a person wrote it. */
    static Optional<String> reason(MimeMessage mail, String sender, String ourAddress) throws MessagingException {
        String autoSubmitted = header(mail, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted);
        }
        String precedence = header(mail, "Precedence");
        if (precedence != null && precedence.toLowerCase(Locale.ROOT).matches("\\s*(bulk|auto_reply|list|junk).*")) {
            return Optional.of("Precedence: " + precedence);
        }
        if (header(mail, "X-Autoreply") != null || header(mail, "X-Autorespond") != null) {
            return Optional.of("an auto-responder's X-Autoreply header");
        }
        if (mail.isMimeType("multipart/report")) {
            return Optional.of("a delivery or read report (multipart/report)");
        }
        String local = sender.contains("@") ? sender.substring(0, sender.indexOf('@')) : sender;
        if (local.equalsIgnoreCase("mailer-daemon") || local.equalsIgnoreCase("postmaster")) {
            return Optional.of("a bounce from " + local.toUpperCase(Locale.ROOT));
        }
        if (sender.equalsIgnoreCase(ourAddress)) {
            return Optional.of("mail from our own address");
        }
        String returnPath = header(mail, "Return-Path");
        if (returnPath != null && returnPath.strip().equals("<>")) {
            return Optional.of("an empty Return-Path (a bounce)");
        }
        return Optional.empty();
    }

    /**
     * Why the sender's address cannot be trusted, from what our receiving server wrote in
     * {@code Authentication-Results} (RFC 8601): the sender's domain says this mail is not theirs.
     */
    static Optional<String> forgery(MimeMessage mail) throws MessagingException {
        String[] results = mail.getHeader("Authentication-Results");
        if (results == null) {
            return Optional.empty();
        }
        for (String result : results) {
            String lower = result.toLowerCase(Locale.ROOT);
            if (lower.matches("(?s).*\\bdmarc=fail\\b.*")) {
                return Optional.of("DMARC failed (" + result.strip() + ")");
            }
            if (lower.matches("(?s).*\\bspf=fail\\b.*") && !lower.matches("(?s).*\\bdkim=pass\\b.*")) {
                return Optional.of("SPF failed without a DKIM pass (" + result.strip() + ")");
            }
        }
        return Optional.empty();
    }

    /** The mail's sender in lower case, or empty when it names none that can be read. */
    static Optional<String> sender(MimeMessage mail) {
        try {
            var from = mail.getFrom();
            if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
                    || address.getAddress() == null || !address.getAddress().contains("@")) {
                return Optional.empty();
            }
            address.validate();
            return Optional.of(address.getAddress().toLowerCase(Locale.ROOT));
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private static String header(MimeMessage mail, String name) throws MessagingException {
        return mail.getHeader(name, ",");
    }
}
