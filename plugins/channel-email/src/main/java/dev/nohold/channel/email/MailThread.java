package dev.nohold.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How an answer joins the customer's thread in their mail program: {@code In-Reply-To} and {@code References} name
 * the customer's mail (RFC 5322), and the subject is theirs with "Re:" and the request's reference in brackets, which
 * also tells the agent's colleagues which request a reply belongs to.
 */
final class MailThread {

    /** Request attributes stored at intake, read when answering. */
    static final String SUBJECT = "subject";
    static final String MESSAGE_ID = "messageId";
    static final String REFERENCES = "references";

    private static final Pattern REPLY_PREFIX = Pattern.compile("^(\\s*(re|aw|sv|fwd?)\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);
    /** How many earlier ids a References header keeps: enough to thread, bounded for a long conversation. */
    private static final int KEPT_REFERENCES = 10;

    private MailThread() {
    }

    static String subjectOf(MimeMessage mail) throws MessagingException {
        String subject = mail.getSubject();
        return subject == null ? "" : subject.strip();
    }

    static String withoutReplyPrefixes(String subject) {
        return REPLY_PREFIX.matcher(subject).replaceFirst("").strip();
    }

    /** "Re: " and the customer's subject, with the reference once: "Re: My parcel [K7Q2MD]". */
    static String answerSubject(Map<String, String> attributes, String reference) {
        String theirs = withoutReplyPrefixes(attributes.getOrDefault(SUBJECT, "")).replace("[" + reference + "]", "")
                .strip();
        return "Re: " + (theirs.isEmpty() ? "Your request" : theirs) + " [" + reference + "]";
    }

    /** "Re: " and the customer's subject, for the bot's reply before any request exists: "Re: My parcel". */
    static String botSubject(Map<String, String> attributes) {
        String theirs = withoutReplyPrefixes(attributes.getOrDefault(SUBJECT, ""));
        return "Re: " + (theirs.isEmpty() ? "Your question" : theirs);
    }

    static String inReplyTo(Map<String, String> attributes) {
        return attributes.get(MESSAGE_ID);
    }

    static String references(Map<String, String> attributes) {
        String earlier = attributes.getOrDefault(REFERENCES, "");
        String theirs = attributes.getOrDefault(MESSAGE_ID, "");
        return (earlier + " " + theirs).strip();
    }

    static String lastReferences(String references) {
        String[] ids = references.strip().split("\\s+");
        return String.join(" ", Arrays.copyOfRange(ids, Math.max(0, ids.length - KEPT_REFERENCES), ids.length));
    }
}
