package dev.nohold.channel.voice;

import dev.nohold.core.channel.ChannelRequest;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.LiveNeeds;
import dev.nohold.core.channel.LiveReservation;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers an incoming call: by the conversation flow serving the number called, or the caller's open one
 * ({@link FlowCalls}); else bridged live to an idle agent with a phone when one can be held for it, else the greeting
 * and the recording. The core holds the agent while their phone rings (nothing else is given to them) and makes the
 * request only when they pick up, already assigned to them; an agent who does not pick up, or goes offline meanwhile,
 * is released and the caller leaves a recording, or hangs up and gets a "please call back" request. A live call that
 * never connected leaves no request of its own, so there is never an empty one to hand on.
 */
@ApplicationScoped
public class IncomingCalls {

    static final String CHANNEL = "voice";
    static final String LIVE_KEY = "live:";
    static final String LIVE_TEXT = "Live call with the caller";
    private static final Logger LOG = Logger.getLogger(IncomingCalls.class);

    private final ChannelRequests requests;
    private final FlowCalls flowCalls;
    private final VoiceTwiml twiml;
    private final VoiceConfig config;

    public IncomingCalls(ChannelRequests requests, FlowCalls flowCalls, VoiceTwiml twiml, VoiceConfig config) {
        this.requests = requests;
        this.flowCalls = flowCalls;
        this.twiml = twiml;
        this.config = config;
    }

    public String answer(TwilioCall call) {
        Optional<String> byFlow = flowCalls.opening(call);
        if (byFlow.isPresent()) {
            return byFlow.get();
        }
        if (config.liveDial()) {
            Optional<LiveReservation> held = requests.reserveAgentForLiveContact(CHANNEL, call.callSid(), call.from(),
                    LiveNeeds.aPhone());
            if (held.isPresent()) {
                LOG.infof("Call %s rings agent %s live", call.callSid(), held.get().agentDisplayName());
                return twiml.dial(held.get().agentPhone(), held.get().id());
            }
        }
        return twiml.takeMessage();
    }

    /** The held agent picked up: the call becomes their request now, or, if the hold is gone, they are hung up on. */
    public String agentAnswered(UUID reservationId) {
        Optional<LiveReservation> held = requests.liveReservation(reservationId);
        Optional<ChannelRequest> live = held.flatMap(hold -> flowCalls.handedOver(hold.contactKey()).isPresent()
                ? flowCalls.connect(hold) : connect(hold));
        if (live.isEmpty()) {
            LOG.infof("An agent picked up a live call no longer held for them (%s)", reservationId);
            return twiml.notYoursAnyMore();
        }
        LOG.infof("Call for request %s connected live to an agent", live.get().reference());
        return twiml.bridge();
    }

    /** The live dial ended: answered means the conversation was the answer; anything else goes to the recording. */
    public String dialEnded(String callSid, String dialCallStatus) {
        boolean answered = "completed".equalsIgnoreCase(dialCallStatus) || "answered".equalsIgnoreCase(dialCallStatus);
        if (flowCalls.handedOver(callSid).isPresent()) {
            return flowCalls.dialEnded(callSid, answered, dialCallStatus);
        }
        Optional<LiveReservation> stillHeld = requests.liveReservationOf(CHANNEL, callSid);
        Optional<ChannelRequest> live = liveRequest(callSid);
        if (live.isEmpty() && answered && stillHeld.isPresent()) {
            // Twilio bridged without asking /agent-answered first: the call connected all the same.
            live = connect(stillHeld.get());
        } else {
            stillHeld.ifPresent(held -> requests.release(held.id(), "the live call was not taken (" + dialCallStatus
                    + "); the caller leaves a message"));
        }
        if (live.isPresent()) {
            if (live.get().withAgent()) {
                requests.answeredLive(live.get().id(), "live call with the caller ended");
            }
            return twiml.sayAndHangUp(config.prompts().goodbye());
        }
        return twiml.recordOnly();
    }

    /** The request a live call made when it connected, if it did. */
    Optional<ChannelRequest> liveRequest(String callSid) {
        return requests.byProviderId(CHANNEL, LIVE_KEY + callSid);
    }

    private Optional<ChannelRequest> connect(LiveReservation held) {
        return requests.connectedLive(held.id(), InboundMessage.from(CHANNEL, held.address())
                .text(LIVE_TEXT + ", taken by " + held.agentDisplayName())
                .providerMessageId(LIVE_KEY + held.contactKey(), held.contactKey())
                .language(config.language())
                .attributes(Map.of("callSid", held.contactKey(), "live", "true"))
                // The call is a conversation of its own with the agent who took it, not a line in an open request.
                .ownRequest()
                .build());
    }
}
