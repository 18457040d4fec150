package dev.nohold.channel.sms;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import dev.nohold.channel.sms.OutboundPart.Status;
import dev.nohold.core.channel.Channel;
import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.OutboundReply;
import dev.nohold.core.channel.ReplyLinks;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.twilio.TwilioClients;
import dev.nohold.twilio.TwilioErrors;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SMS channel: answers go out through Twilio's Messages resource with a status callback, so the delivery
 * becomes DELIVERED or FAILED when Twilio hears from the carrier. A long answer goes out as several messages, each
 * sent once however often the outbox retries (see {@link SentParts}). Twilio's timeouts, 429s and 5xxs are worth a
 * retry; its refusals (an invalid or unsubscribed number) are not, and their reason is what the agent reads.
 */
@ApplicationScoped
public class SmsChannel implements Channel {

    public static final String STATUS_PATH = "/channels/sms/twilio/status";
    private static final Logger LOG = Logger.getLogger(SmsChannel.class);

    private final TwilioClients twilio;
    private final NoholdConfig nohold;
    private final OptOuts optOuts;
    private final SentParts sentParts;
    private final ReplyLinks replyLinks;
    private final SmsConfig config;
    private final SmsNotices notices;

    public SmsChannel(TwilioClients twilio, NoholdConfig nohold, OptOuts optOuts, SentParts sentParts,
                      ReplyLinks replyLinks, SmsConfig config, SmsNotices notices) {
        this.twilio = twilio;
        this.notices = notices;
        this.nohold = nohold;
        this.optOuts = optOuts;
        this.sentParts = sentParts;
        this.replyLinks = replyLinks;
        this.config = config;
    }

    @Override
    public String id() {
        return SmsInbound.CHANNEL;
    }

    @Override
    public String displayName() {
        return "SMS";
    }

    @Override
    public String icon() {
        return "\uD83D\uDCF1";
    }

    /** Without the Twilio account the channel starts all the same and says what it lacks. */
    @Override
    public Optional<String> missingConfiguration() {
        return twilio.missing();
    }

    @Override
    public DeliveryResult deliver(OutboundReply reply) throws DeliveryException {
        boolean hasText = reply.text() != null && !reply.text().isBlank();
        if (!hasText && reply.audioUrl() == null) {
            throw DeliveryException.permanentFailure("An SMS needs the reply's text or recording: there is neither");
        }
        if (optOuts.isOptedOut(reply.to())) {
            throw DeliveryException.permanentFailure("The customer texted STOP: nothing may be sent to this number"
                    + " until they text START");
        }
        List<String> parts = SmsParts.split(body(reply, hasText));
        List<Integer> done = sentParts.of(reply.deliveryId()).stream().map(part -> part.part).toList();
        for (int i = 0; i < parts.size(); i++) {
            if (!done.contains(i)) {
                String sid = send(reply, parts.get(i));
                sentParts.accepted(reply.deliveryId(), i, parts.size(), sid);
            }
        }
        return outcome(reply);
    }

    /**
     * A text that belongs to no request (a flow's reminder, the chat link a caller asked for): a number that texted
     * STOP gets nothing, as carriers require. It goes through this channel's outbox ({@link SmsNotices}): asked for
     * inside a transaction (a flow's reminder), it is sent once that commits; outside one, it is sent now, and a
     * refusal for good is the caller's to hear. Either way a Twilio that cannot be reached is tried again later.
     */
    @Override
    public void notice(String to, String text) throws DeliveryException {
        if (optOuts.isOptedOut(to)) {
            throw DeliveryException.permanentFailure("The number texted STOP: nothing may be sent to it until it"
                    + " texts START");
        }
        UUID id = notices.store(to, text);
        if (!SmsNotices.inTransaction()) {
            for (SmsNotice notice : notices.claim(id)) {
                attempt(notice);
            }
        }
    }

    /** The outbox's round: every notice due now, each tried once. */
    public void sendDueNotices() {
        for (SmsNotice notice : notices.claimDue()) {
            try {
                attempt(notice);
            } catch (DeliveryException e) {
                // Recorded on the notice, and logged there: nobody else waits for it.
            }
        }
    }

    /** One attempt; a refusal for good is thrown, after it is recorded (a retryable failure only recorded). */
    private void attempt(SmsNotice notice) throws DeliveryException {
        try {
            if (optOuts.isOptedOut(notice.to)) {
                throw DeliveryException.permanentFailure("The number texted STOP before the notice went out");
            }
            Message message = Message.creator(new PhoneNumber(notice.to), new PhoneNumber(twilio.phoneNumber()),
                    notice.text).create(twilio.rest());
            notices.sent(notice.id, message.getSid());
        } catch (ApiConnectionException e) {
            notices.failed(notice.id, DeliveryException.transientFailure("Twilio could not be reached: "
                    + e.getMessage(), e));
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            String reason = TwilioErrors.describe(e.getCode(), e.getMessage());
            DeliveryException failure = status == null || status == 429 || status >= 500
                    ? DeliveryException.transientFailure("Twilio answered " + (status == null ? "with an error"
                            : status) + ": " + reason, e)
                    : DeliveryException.permanentFailure(reason);
            notices.failed(notice.id, failure);
            if (!failure.retryable()) {
                throw failure;
            }
        } catch (DeliveryException | IllegalStateException e) {
            DeliveryException failure = e instanceof DeliveryException refused ? refused
                    : DeliveryException.permanentFailure(e.getMessage());
            notices.failed(notice.id, failure);
            throw failure;
        }
    }

    /**
     * The reply's text, and for a recorded reply a signed link the customer opens in their phone's browser (an SMS
     * cannot carry audio; an MMS could, but not to every phone, and not in a form every phone plays).
     */
    private String body(OutboundReply reply, boolean hasText) {
        if (reply.audioUrl() == null) {
            return reply.text();
        }
        String listen = Prompts.fill(config.prompts().recordedReply(),
                Map.of("link", replyLinks.linkFor(reply.deliveryId())));
        return hasText ? reply.text().strip() + "\n\n" + listen : listen;
    }

    /** What Twilio has said so far: a status callback may already have come for every part. */
    private DeliveryResult outcome(OutboundReply reply) throws DeliveryException {
        List<OutboundPart> sent = sentParts.of(reply.deliveryId());
        Optional<OutboundPart> failed = sent.stream().filter(part -> part.status == Status.FAILED).findFirst();
        if (failed.isPresent()) {
            throw DeliveryException.permanentFailure(failed.get().error);
        }
        String providerId = sent.get(0).messageSid;
        boolean allDelivered = sent.stream().allMatch(part -> part.status == Status.DELIVERED);
        return allDelivered ? DeliveryResult.delivered(providerId) : DeliveryResult.sent(providerId);
    }

    private String send(OutboundReply reply, String text) throws DeliveryException {
        try {
            Message message = Message.creator(new PhoneNumber(reply.to()), new PhoneNumber(twilio.phoneNumber()), text)
                    .setStatusCallback(nohold.publicUrl().replaceAll("/+$", "") + STATUS_PATH)
                    .create(twilio.rest());
            LOG.infof("Answer to request %s sent as %s", reply.reference(), message.getSid());
            return message.getSid();
        } catch (ApiConnectionException e) {
            throw DeliveryException.transientFailure("Twilio could not be reached: " + e.getMessage(), e);
        } catch (ApiException e) {
            throw failure(reply, e);
        } catch (IllegalStateException e) {
            throw DeliveryException.permanentFailure(e.getMessage());
        }
    }

    private DeliveryException failure(OutboundReply reply, ApiException e) {
        Integer status = e.getStatusCode();
        String reason = TwilioErrors.describe(e.getCode(), e.getMessage());
        if (status == null || status == 429 || status >= 500) {
            return DeliveryException.transientFailure("Twilio answered " + (status == null ? "with an error" : status)
                    + ": " + reason, e);
        }
        if (e.getCode() != null && e.getCode() == TwilioErrors.UNSUBSCRIBED) {
            optOuts.optOut(reply.to(), "Twilio error " + TwilioErrors.UNSUBSCRIBED);
        }
        return DeliveryException.permanentFailure(reason);
    }
}
