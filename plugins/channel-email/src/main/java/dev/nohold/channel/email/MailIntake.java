package dev.nohold.channel.email;

import dev.nohold.core.Refusal;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.flow.FlowConversations;
import dev.nohold.core.flow.FlowReply;
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
import java.util.UUID;

/**
 * Turns one mail from the mailbox into a request, or drops it with the reason in the log: automatic mail (an
 * auto-reply, a bounce, our own), mail whose sender's domain disowns it, mail without a sender or any words. A mail
 * is read once: the mailbox marks it seen whatever happened to it, so a mail the core refuses is not read forever.
 *
 * <p>A mail of words only goes first to the conversation flow serving our address ({@link FlowConversations}): the
 * flow's turn goes back as one reply in the customer's thread, and their answer to it (its new words, without the
 * quoted history) is the next turn. When the flow hands them to people, the core has made the request, with the
 * mail's thread on it, and the channel carries on as for any new request. A mail with files or a voice memo, a
 * customer whose request already waits for people, or no active flow: taken in as a request, as always.
 */
@ApplicationScoped
public class MailIntake {

    private static final Logger LOG = Logger.getLogger(MailIntake.class);
    /** The longest provider id the core keeps; a longer Message-ID is kept as its hash. */
    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_SUBJECT_LENGTH = 200;

    private final ChannelRequests requests;
    private final FlowConversations flows;
    private final EmailChannel channel;
    private final EmailConfig config;

    public MailIntake(ChannelRequests requests, FlowConversations flows, EmailChannel channel, EmailConfig config) {
        this.requests = requests;
        this.flows = flows;
        this.channel = channel;
        this.config = config;
    }

    /**
     * @return the request the mail made or joined (also through a flow's handoff), or empty when it was dropped or a
     * flow answered it without one
     */
    public Optional<UUID> take(MimeMessage mail) throws MessagingException, IOException {
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
            Map<String, String> thread = thread(mail, subject);
            InboundMessage message = message(mail, sender.get(), subject, text, content, thread);
            if (content.attachments().isEmpty() && content.tooLarge().isEmpty()) {
                Optional<FlowReply> turn = flows.receive(message, config.address().orElse(null));
                if (turn.isPresent()) {
                    return answered(mail, sender.get(), thread, turn.get());
                }
            }
            return Optional.of(take(mail, message, content).id());
        } catch (Refusal refused) {
            LOG.warnf("Mail %s refused by the core: %s", mail.getMessageID(), refused.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The flow's turn: sent back in the customer's thread, unless it handed them to people, when the request the core
     * made is acknowledged as any new request by mail is (no mail: the agent's answer is the next one they get).
     */
    private Optional<UUID> answered(MimeMessage mail, String sender, Map<String, String> thread, FlowReply turn)
            throws MessagingException {
        if (turn.handedOff()) {
            LOG.infof("Mail %s taken as request %s, handed over by flow %s", mail.getMessageID(), turn.reference(),
                    turn.flowId());
            return Optional.of(turn.requestId());
        }
        String text = turn.reply().text();
        if (text != null && !text.isBlank()) {
            channel.sendBotReply(sender, thread, text);
        }
        LOG.infof("Mail %s answered by flow %s (%s)", mail.getMessageID(), turn.flowId(), turn.outcome().key());
        return Optional.empty();
    }

    /** What the answer to this mail needs to join its thread, kept on the request the mail makes or joins. */
    private static Map<String, String> thread(MimeMessage mail, String subject) throws MessagingException {
        String messageId = mail.getMessageID();
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
        return thread;
    }

    /** The mail as intake takes it, with the Message-ID (or a hash of what it says) that makes a re-read one. */
    private static InboundMessage message(MimeMessage mail, String sender, String subject, String text,
                                          MailContent content, Map<String, String> thread) throws MessagingException {
        String fingerprint = sha256(sender + "\n" + subject + "\n" + text);
        InboundMessage.Builder message = InboundMessage.from(EmailChannel.ID, sender)
                .text(text.isBlank() ? null : text)
                .providerMessageId(providerId(mail.getMessageID(), fingerprint), fingerprint)
                .attributes(thread);
        content.voiceMemo().ifPresent(memo -> message.audio(memo.bytes(), memo.mediaType()));
        return message.build();
    }

    private IntakeReceipt take(MimeMessage mail, InboundMessage message, MailContent content)
            throws MessagingException {
        String messageId = mail.getMessageID();
        IntakeReceipt receipt = requests.take(message);
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
