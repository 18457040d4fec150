package dev.nohold.channel.email;

import dev.nohold.core.Refusal;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.IntakeReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one mail from the mailbox into a request, or drops it with the reason in the log: automatic mail (an
 * auto-reply, a bounce, our own), mail whose sender's domain disowns it, mail without a sender or any words. A mail
 * is read once: the mailbox marks it seen whatever happened to it, so a mail the core refuses is not read forever.
 */
@ApplicationScoped
public class MailIntake {

    private static final Logger LOG = Logger.getLogger(MailIntake.class);
    /** The longest provider id the core keeps; a longer Message-ID is kept as its hash. */
    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_SUBJECT_LENGTH = 200;

    private final ChannelRequests requests;
    private final EmailConfig config;

    public MailIntake(ChannelRequests requests, EmailConfig config) {
        this.requests = requests;
        this.config = config;
    }

    /** @return the request the mail made or joined, or empty when it was dropped */
    public Optional<IntakeReceipt> take(MimeMessage mail) throws MessagingException, IOException {
        Optional<String> sender = AutomaticMail.sender(mail);
        if (sender.isEmpty()) {
            LOG.warnf("Mail %s dropped: it names no sender that can be answered", mail.getMessageID());
            return Optional.empty();
        }
        Optional<String> automatic = AutomaticMail.reason(mail, sender.get(), config.address().orElse(""));
        if (automatic.isPresent()) {
            LOG.infof("Mail %s dropped: it is automatic (%s), and answering it could start a loop",
                    mail.getMessageID(), automatic.get());
            return Optional.empty();
        }
        if (config.refuseFailedAuthentication()) {
            Optional<String> forged = AutomaticMail.forgery(mail);
            if (forged.isPresent()) {
                LOG.warnf("Mail %s dropped: its sender's domain disowns it: %s", mail.getMessageID(), forged.get());
                return Optional.empty();
            }
        }
        MailContent content = MailContent.of(mail, config.maxAttachmentSize().asLongValue());
        String subject = MailThread.subjectOf(mail);
        String text = content.text().isBlank() ? MailThread.withoutReplyPrefixes(subject) : content.text();
        if (text.isBlank() && content.voiceMemo().isEmpty()) {
            LOG.warnf("Mail %s dropped: it has no words, no subject and no voice memo", mail.getMessageID());
            return Optional.empty();
        }
        try {
            return Optional.of(take(mail, sender.get(), subject, text, content));
        } catch (Refusal refused) {
            LOG.warnf("Mail %s refused by the core: %s", mail.getMessageID(), refused.getMessage());
            return Optional.empty();
        }
    }

    private IntakeReceipt take(MimeMessage mail, String sender, String subject, String text, MailContent content)
            throws MessagingException {
        String messageId = mail.getMessageID();
        String fingerprint = sha256(sender + "\n" + subject + "\n" + text);
        Map<String, String> thread = new LinkedHashMap<>();
        thread.put(MailThread.SUBJECT, subject.length() > MAX_SUBJECT_LENGTH
                ? subject.substring(0, MAX_SUBJECT_LENGTH) : subject);
        if (messageId != null) {
            thread.put(MailThread.MESSAGE_ID, messageId);
        }
        String references = mail.getHeader("References", " ");
        if (references != null) {
            thread.put(MailThread.REFERENCES, MailThread.lastReferences(references));
        }
        InboundMessage.Builder message = InboundMessage.from(EmailChannel.ID, sender)
                .text(text.isBlank() ? null : text)
                .providerMessageId(providerId(messageId, fingerprint), fingerprint)
                .attributes(thread);
        content.voiceMemo().ifPresent(memo -> message.audio(memo.bytes(), memo.mediaType()));
        IntakeReceipt receipt = requests.take(message.build());
        if (receipt.duplicate()) {
            LOG.infof("Mail %s was already taken as request %s", messageId, receipt.reference());
            return receipt;
        }
        for (MailContent.Attachment file : content.files()) {
            requests.attachFile(receipt.id(), file.fileName(), file.bytes());
        }
        if (!content.tooLarge().isEmpty()) {
            LOG.warnf("Request %s: attachments over %s not kept: %s", receipt.reference(),
                    config.maxAttachmentSize(), content.tooLarge());
        }
        LOG.infof("Mail taken as request %s%s", receipt.reference(), receipt.joined() ? " (joined)" : "");
        return receipt;
    }

    /** The mail's Message-ID, or (none, or too long to keep) a hash of what it says, so a re-read is still one. */
    private static String providerId(String messageId, String fingerprint) {
        if (messageId == null || messageId.isBlank()) {
            return "sha256:" + fingerprint;
        }
        return messageId.length() <= MAX_ID_LENGTH ? messageId : "sha256:" + sha256(messageId);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
