package dev.nohold.channel.sms;

import dev.nohold.channel.sms.OutboundPart.Status;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.twilio.TwilioErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Twilio's word on a message we sent. The delivery is FAILED as soon as one of its messages failed, and DELIVERED
 * once all of them were delivered; the intermediate statuses ({@code sending}, {@code sent}) change nothing.
 */
@ApplicationScoped
@Transactional
public class SmsStatusCallbacks {

    private static final Logger LOG = Logger.getLogger(SmsStatusCallbacks.class);

    private final SentParts sentParts;
    private final ChannelRequests requests;

    public SmsStatusCallbacks(SentParts sentParts, ChannelRequests requests) {
        this.sentParts = sentParts;
        this.requests = requests;
    }

    public void report(String messageSid, String messageStatus, String errorCode) {
        Optional<Status> status = finalStatus(messageStatus);
        if (status.isEmpty()) {
            return;
        }
        String error = status.get() == Status.FAILED
                ? TwilioErrors.describe(parse(errorCode), "the message was " + messageStatus.toLowerCase(Locale.ROOT))
                : null;
        Optional<UUID> delivery = sentParts.reported(messageSid, status.get(), error);
        if (delivery.isEmpty()) {
            LOG.debugf("Status %s for %s, a message this platform did not send", messageStatus, messageSid);
            return;
        }
        List<OutboundPart> parts = sentParts.of(delivery.get());
        String providerId = parts.get(0).messageSid;
        Optional<OutboundPart> failed = parts.stream().filter(part -> part.status == Status.FAILED).findFirst();
        if (failed.isPresent()) {
            requests.failed(SmsInbound.CHANNEL, providerId, failed.get().error);
        } else if (parts.size() == parts.get(0).parts && parts.stream().allMatch(p -> p.status == Status.DELIVERED)) {
            requests.delivered(SmsInbound.CHANNEL, providerId);
        }
    }

    private static Optional<Status> finalStatus(String messageStatus) {
        return switch (messageStatus == null ? "" : messageStatus.toLowerCase(Locale.ROOT)) {
            case "delivered", "read" -> Optional.of(Status.DELIVERED);
            case "failed", "undelivered", "canceled" -> Optional.of(Status.FAILED);
            default -> Optional.empty();
        };
    }

    private static Integer parse(String errorCode) {
        try {
            return errorCode == null || errorCode.isBlank() ? null : Integer.valueOf(errorCode.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
