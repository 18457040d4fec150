package dev.nohold.channel.email;

import dev.nohold.core.channel.Channel;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.OutboundReply;
import dev.nohold.core.channel.ReplyAudio;
import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.attachment.AttachmentMessage;
import org.jboss.logging.Logger;

import java.io.UnsupportedEncodingException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The e-mail channel: customers write to our mailbox ({@link MailRoutes}), answers go back by SMTP in their thread
 * ({@link MailThread}). An answer is DELIVERED once our SMTP server accepts it, as a webhook is on the receiver's 2xx:
 * what happens after is the mail system's. A recorded answer travels as an attachment beside its text.
 */
@ApplicationScoped
public class EmailChannel implements Channel {

    public static final String ID = "email";
    private static final Logger LOG = Logger.getLogger(EmailChannel.class);

    private final EmailConfig config;
    private final MailEndpoints endpoints;
    private final ProducerTemplate camel;
    private final ChannelRequests requests;
    /** The last trouble with either mail server; cleared when that server next works. */
    private final AtomicReference<String> outboxTrouble = new AtomicReference<>();
    private final AtomicReference<String> mailboxTrouble = new AtomicReference<>();

    public EmailChannel(EmailConfig config, MailEndpoints endpoints, ProducerTemplate camel,
                        ChannelRequests requests) {
        this.config = config;
        this.endpoints = endpoints;
        this.camel = camel;
        this.requests = requests;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "E-mail";
    }

    @Override
    public String icon() {
        return "\u2709\uFE0F";
    }

    @Override
    public Optional<String> missingConfiguration() {
        return config.missing();
    }

    @Override
    public Optional<String> lastError() {
        return Optional.ofNullable(mailboxTrouble.get()).or(() -> Optional.ofNullable(outboxTrouble.get()));
    }

    /** The mailbox could not be read ({@code null}: it was read). */
    void mailbox(String trouble) {
        mailboxTrouble.set(trouble);
    }

    @Override
    public DeliveryResult deliver(OutboundReply reply) throws DeliveryException {
        Optional<String> missing = config.missing();
        if (missing.isPresent()) {
            throw DeliveryException.permanentFailure("The e-mail channel is not configured: " + missing.get());
        }
        Optional<ReplyAudio> audio = reply.audioUrl() == null ? Optional.empty()
                : requests.replyAudio(reply.deliveryId());
        boolean hasText = reply.text() != null && !reply.text().isBlank();
        if (!hasText && audio.isEmpty()) {
            throw DeliveryException.permanentFailure("The answer has neither text nor a recording to send");
        }
        Exchange sent = camel.send(endpoints.outbox(), exchange -> {
            var message = exchange.getIn();
            message.setHeader("To", reply.to());
            message.setHeader("From", from());
            message.setHeader("Subject", MailThread.answerSubject(reply.attributes(), reply.reference()));
            String inReplyTo = MailThread.inReplyTo(reply.attributes());
            if (inReplyTo != null) {
                message.setHeader("In-Reply-To", inReplyTo);
                message.setHeader("References", MailThread.references(reply.attributes()));
            }
            message.setBody(hasText ? reply.text() : "Our answer is the recording attached.");
            audio.ifPresent(recorded -> exchange.getIn(AttachmentMessage.class).addAttachment(
                    "answer." + extension(recorded.mediaType()),
                    new DataHandler(new ByteArrayDataSource(recorded.bytes(), recorded.mediaType()))));
        });
        if (sent.getException() != null) {
            DeliveryException failure = SmtpFailures.of(sent.getException());
            // A refused recipient is the customer's address, not the server's health.
            outboxTrouble.set(failure.retryable() ? failure.getMessage() : null);
            throw failure;
        }
        outboxTrouble.set(null);
        LOG.infof("Answer to e-mail request %s sent (attempt %d)", reply.reference(), reply.attempt());
        return DeliveryResult.delivered(reply.deliveryId().toString());
    }

    /**
     * Sends a conversation flow's turn as one reply in the customer's thread ({@code thread}: the attributes
     * {@link MailIntake} reads from their mail). Marked as an automatic reply (RFC 3834), so another robot does not
     * answer it. A failure is logged, not thrown: the turn is already kept, and reading the mail again would repeat it.
     *
     * @return whether our SMTP server took it
     */
    boolean sendBotReply(String to, Map<String, String> thread, String text) {
        Exchange sent = camel.send(endpoints.outbox(), exchange -> {
            var message = exchange.getIn();
            message.setHeader("To", to);
            message.setHeader("From", from());
            message.setHeader("Subject", MailThread.botSubject(thread));
            message.setHeader("Auto-Submitted", "auto-replied");
            String inReplyTo = MailThread.inReplyTo(thread);
            if (inReplyTo != null) {
                message.setHeader("In-Reply-To", inReplyTo);
                message.setHeader("References", MailThread.references(thread));
            }
            message.setBody(text);
        });
        if (sent.getException() != null) {
            DeliveryException failure = SmtpFailures.of(sent.getException());
            outboxTrouble.set(failure.retryable() ? failure.getMessage() : null);
            LOG.warnf("The bot's reply to %s could not be sent: %s", to, failure.getMessage());
            return false;
        }
        outboxTrouble.set(null);
        return true;
    }

    private String from() {
        try {
            return new InternetAddress(config.address().orElseThrow(), config.displayName(), "UTF-8").toString();
        } catch (UnsupportedEncodingException e) {
            return config.address().orElseThrow();
        }
    }

    private static String extension(String mediaType) {
        int slash = mediaType.indexOf('/');
        String subtype = slash < 0 ? "bin" : mediaType.substring(slash + 1).replaceAll("[^a-z0-9]", "");
        return subtype.startsWith("x") && subtype.length() > 1 ? subtype.substring(1) : subtype;
    }
}
