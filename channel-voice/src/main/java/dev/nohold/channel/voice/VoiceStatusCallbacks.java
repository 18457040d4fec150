package dev.nohold.channel.voice;

import dev.nohold.core.reply.Delivery;
import dev.nohold.core.reply.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

    private final Outbox outbox;
    private final RecordedCalls recordedCalls;
    private final VoiceConfig config;

    public VoiceStatusCallbacks(Outbox outbox, RecordedCalls recordedCalls, VoiceConfig config) {
        this.outbox = outbox;
        this.recordedCalls = recordedCalls;
        this.config = config;
    }

    /**
     * @param direction Twilio's {@code Direction}: only a caller's own ({@code inbound}) call can leave a request;
     *                  a late status of an earlier callback attempt must not make one from our own number
     */
    public void report(TwilioCall call, String callStatus, String answeredBy, String direction) {
        String status = callStatus == null ? "" : callStatus.toLowerCase(Locale.ROOT);
        Optional<Delivery> callback = QuarkusTransaction.requiringNew().call(() ->
                Delivery.byProviderId(IncomingCalls.CHANNEL, call.callSid()));
        if (callback.isPresent()) {
            callbackEnded(callback.get(), status, answeredBy);
        } else if ("completed".equals(status) && "inbound".equalsIgnoreCase(direction)
                && !recordedCalls.handled(call.callSid())) {
            recordedCalls.noMessage(call);
        }
    }

    private void callbackEnded(Delivery delivery, String status, String answeredBy) {
        String sid = delivery.providerId;
        switch (status) {
            case "completed" -> {
                if (isMachine(answeredBy) && config.machines() == VoiceConfig.Machines.RETRY) {
                    again(delivery, "an answering machine picked up (" + answeredBy + ")");
                } else {
                    outbox.providerReported(IncomingCalls.CHANNEL, sid, true, null);
                }
            }
            case "busy" -> again(delivery, "the line was busy");
            case "no-answer" -> again(delivery, "nobody answered");
            case "failed", "canceled" -> outbox.providerReported(IncomingCalls.CHANNEL, sid, false,
                    "Twilio reported the callback call " + status);
            default -> LOG.debugf("Callback %s is %s", sid, status);
        }
    }

    private void again(Delivery delivery, String reason) {
        if (delivery.attempts >= config.callbackAttempts()) {
            outbox.providerReported(IncomingCalls.CHANNEL, delivery.providerId, false,
                    reason + " after " + delivery.attempts + " callback calls");
        } else {
            outbox.providerReportedRetryable(IncomingCalls.CHANNEL, delivery.providerId, reason);
        }
    }

    private static boolean isMachine(String answeredBy) {
        return answeredBy != null && answeredBy.toLowerCase(Locale.ROOT).startsWith("machine");
    }
}
