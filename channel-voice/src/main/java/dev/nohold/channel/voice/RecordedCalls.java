package dev.nohold.channel.voice;

import dev.nohold.core.channel.ChannelRequest;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.IntakeReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a caller left into one request per call (the CallSid is the idempotency key, so Twilio's retries and a
 * recording's second callback find the first request): stored at once, its recording fetched after the webhook is
 * answered ({@link RecordingFetches}) and handed to the core's speech step, or queued with the reason when Twilio
 * would not give it; or, when the caller said nothing, a request to call them back.
 *
 * <p>A caller who hangs up right after speaking makes Twilio send the recording and the call's end at about the same
 * time, so the "call me back" request may be made while the recording is still being fetched. It has a key of its
 * own, and the recording, when it arrives, cancels it (with the reason): the agent works on the recording only.
 */
@ApplicationScoped
public class RecordedCalls {

    /** The text of a request left by a caller who said nothing: agents see they must call back. */
    public static final String NO_MESSAGE = "Caller left no message: please call back";
    private static final String NO_MESSAGE_KEY = "no-message:";
    private static final Logger LOG = Logger.getLogger(RecordedCalls.class);

    private final ChannelRequests requests;
    private final RecordingFetches fetches;
    private final FlowCalls flowCalls;
    private final VoiceConfig config;

    public RecordedCalls(ChannelRequests requests, RecordingFetches fetches, FlowCalls flowCalls, VoiceConfig config) {
        this.requests = requests;
        this.fetches = fetches;
        this.flowCalls = flowCalls;
        this.config = config;
    }

    /** The reference of this call's request, made now from what the call left if it has none yet. */
    public String take(TwilioCall call) {
        Optional<String> earlier = referenceOf(call.callSid());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!call.hasRecording()) {
            return noMessage(call);
        }
        Map<String, String> attributes = attributes(call);
        attributes.put("recordingSid", String.valueOf(call.recordingSid()));
        attributes.put(RecordingFetches.RECORDING_URL, call.recordingUrl());
        IntakeReceipt receipt = requests.take(message(call, call.callSid(), null, attributes).audioToFollow().build());
        if (!receipt.duplicate()) {
            fetches.fetchSoon(receipt.id(), call.recordingUrl());
            LOG.infof("Request %s stored; its recording is being fetched", receipt.reference());
        }
        supersedeNoMessage(call.callSid(), receipt.reference());
        return receipt.reference();
    }

    /** The caller hung up before leaving anything: they still get a request, to be called back. */
    public String noMessage(TwilioCall call) {
        IntakeReceipt receipt = requests.take(message(call, NO_MESSAGE_KEY + call.callSid(), NO_MESSAGE,
                attributes(call)).build());
        if (!receipt.duplicate()) {
            LOG.infof("Request %s: caller left no message", receipt.reference());
        }
        return receipt.reference();
    }

    /**
     * Whether a call already left a request (recorded, empty, or connected live to an agent), or a conversation flow
     * answered it: a caller who hangs up on a flow is the flow's quiet customer, its rules say what follows.
     */
    public boolean handled(String callSid) {
        return referenceOf(callSid).isPresent() || referenceOf(NO_MESSAGE_KEY + callSid).isPresent()
                || requests.byProviderId(IncomingCalls.CHANNEL, IncomingCalls.LIVE_KEY + callSid).isPresent()
                || flowCalls.answered(callSid);
    }

    private void supersedeNoMessage(String callSid, String reference) {
        requests.byProviderId(IncomingCalls.CHANNEL, NO_MESSAGE_KEY + callSid).filter(ChannelRequest::open)
                .ifPresent(request -> requests.cancel(request.id(), "the caller's recording arrived as request "
                        + reference));
    }

    private InboundMessage.Builder message(TwilioCall call, String key, String text, Map<String, String> attributes) {
        return InboundMessage.from(IncomingCalls.CHANNEL, call.from()).text(text)
                .providerMessageId(key, call.callSid())
                .language(config.language())
                .attributes(attributes);
    }

    private static Map<String, String> attributes(TwilioCall call) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("callSid", call.callSid());
        if (call.to() != null) {
            attributes.put("to", call.to());
        }
        return attributes;
    }

    private Optional<String> referenceOf(String callSid) {
        return requests.byProviderId(IncomingCalls.CHANNEL, callSid).map(ChannelRequest::reference);
    }
}
