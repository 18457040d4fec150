package dev.nohold.channel.voice;

import dev.nohold.core.channel.ChannelDelivery;
import dev.nohold.core.channel.ChannelRequests;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Optional;

/**
 * Twilio's word on a call. For a callback we placed: answered by a person (or by a voicemail when that is how
 * machines are served) means DELIVERED; unanswered, busy or a machine when machines get a retry means call again
 * later, until the configured number of calls, then FAILED (and the SMS fallback); failed or canceled is FAILED at
 * once. For a caller's own call that ended without leaving a request: a "please call back" request.
 */
@ApplicationScoped
public class VoiceStatusCallbacks {

    private static final Logger LOG = Logger.getLogger(VoiceStatusCallbacks.class);

    private final ChannelRequests requests;
    private final RecordedCalls recordedCalls;
    private final VoiceConfig config;

    public VoiceStatusCallbacks(ChannelRequests requests, RecordedCalls recordedCalls, VoiceConfig config) {
        this.requests = requests;
        this.recordedCalls = recordedCalls;
        this.config = config;
    }

    /**
     * @param direction Twilio's {@code Direction}: only a caller's own ({@code inbound}) call can leave a request;
     *                  a late status of an earlier callback attempt must not make one from our own number
     */
    public void report(TwilioCall call, String callStatus, String answeredBy, String direction) {
        String status = callStatus == null ? "" : callStatus.toLowerCase(Locale.ROOT);
        Optional<ChannelDelivery> callback = requests.deliveryByProviderId(IncomingCalls.CHANNEL, call.callSid());
        if (callback.isPresent()) {
            callbackEnded(callback.get(), status, answeredBy);
        } else if ("completed".equals(status) && "inbound".equalsIgnoreCase(direction)
                && !recordedCalls.handled(call.callSid())) {
            recordedCalls.noMessage(call);
        }
    }

    private void callbackEnded(ChannelDelivery delivery, String status, String answeredBy) {
        String sid = delivery.providerId();
        switch (status) {
            case "completed" -> {
                if (isMachine(answeredBy) && config.machines() == VoiceConfig.Machines.RETRY) {
                    again(delivery, "an answering machine picked up (" + answeredBy + ")");
                } else {
                    requests.delivered(IncomingCalls.CHANNEL, sid);
                }
            }
            case "busy" -> again(delivery, "the line was busy");
            case "no-answer" -> again(delivery, "nobody answered");
            case "failed", "canceled" -> requests.failed(IncomingCalls.CHANNEL, sid,
                    "Twilio reported the callback call " + status);
            default -> LOG.debugf("Callback %s is %s", sid, status);
        }
    }

    private void again(ChannelDelivery delivery, String reason) {
        if (delivery.attempts() >= config.callbackAttempts()) {
            requests.failed(IncomingCalls.CHANNEL, delivery.providerId(),
                    reason + " after " + delivery.attempts() + " callback calls");
        } else {
            requests.retryLater(IncomingCalls.CHANNEL, delivery.providerId(), reason);
        }
    }

    private static boolean isMachine(String answeredBy) {
        return answeredBy != null && answeredBy.toLowerCase(Locale.ROOT).startsWith("machine");
    }
}
