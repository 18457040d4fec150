package dev.nohold.channel.voice;

import dev.nohold.core.Refusal;
import dev.nohold.core.channel.ChannelRequest;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.LiveNeeds;
import dev.nohold.core.channel.LiveReservation;
import dev.nohold.core.flow.FlowConversations;
import dev.nohold.core.flow.FlowReply;
import dev.nohold.core.flow.Rendered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Calls answered by a conversation flow ({@link FlowConversations}): the number called (or the caller's open
 * conversation) decides; each turn's voice prompt becomes a {@code <Gather>} whose callback brings the caller's keys
 * ({@code Digits}) or words ({@code SpeechResult}) back as the next input; with {@code flow-speech=none}, a turn that
 * wants words is a {@code <Record>} the platform transcribes itself ({@link FlowRecordings}). Each callback names its
 * turn, and the call keeps its turn and last answer ({@link FlowCallStore}): Twilio asking again for a turn already
 * taken gets the same answer, and the flow goes on once. Silence gets the question once more; silent again, the caller leaves a recording
 * as they would without a flow. On handoff the core has made the request: the caller is connected live when an agent
 * with a phone is free (the agent is held now, and the request is theirs when they pick up), else told its reference.
 */
@ApplicationScoped
@Transactional
public class FlowCalls {

    /** The provider id of the request a flow's handoff makes: one per call, whatever Twilio repeats. */
    static final String FLOW_KEY = "flow:";
    /** Silent gathers in a row before the caller is offered the recording instead. */
    private static final int SILENCES = 2;
    private static final Logger LOG = Logger.getLogger(FlowCalls.class);

    private final FlowConversations flows;
    private final FlowCallStore calls;
    private final ChannelRequests requests;
    private final VoiceTwiml twiml;
    private final VoiceConfig config;
    private final Clock clock;

    public FlowCalls(FlowConversations flows, FlowCallStore calls, ChannelRequests requests, VoiceTwiml twiml,
                     VoiceConfig config, Clock clock) {
        this.flows = flows;
        this.calls = calls;
        this.requests = requests;
        this.twiml = twiml;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The flow's opening for a call it serves; empty when no flow does (the call goes on as without flows), and for
     * a withheld number: every such caller has the same address, so their conversations could not be told apart.
     */
    public Optional<String> opening(TwilioCall call) {
        if (call.withheld()) {
            return Optional.empty();
        }
        Optional<FlowCallStore.FlowCall> earlier = calls.lock(call.callSid());
        if (earlier.isPresent()) {
            return Optional.of(earlier.get().twiml());
        }
        Optional<FlowReply> reply = flows.receive(message(call, null), call.to());
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        String answer = answer(call, reply.get(), 1, 0);
        calls.start(call.callSid(), answer, reply.get().requestId(), clock.instant());
        LOG.infof("Call %s answered by flow %s", call.callSid(), reply.get().flowId());
        return Optional.of(answer);
    }

    /**
     * The caller answered turn {@code turn} with keys or words, or (both blank) said nothing for the {@code silence}
     * time in a row.
     */
    public String turn(TwilioCall call, int turn, int silence, String digits, String speech) {
        FlowCallStore.FlowCall known = calls.lock(call.callSid()).orElseThrow(() -> Refusal.badInput(
                "No conversation flow answers the call " + call.callSid()));
        if (turn != known.turn()) {
            LOG.infof("Call %s: turn %d again, answered as before (Twilio retried)", call.callSid(), turn);
            return known.twiml();
        }
        String input = digits != null && !digits.isBlank() ? digits.strip()
                : speech != null && !speech.isBlank() ? speech.strip() : null;
        int silent = input == null ? silence + 1 : 0;
        String answer;
        Optional<FlowReply> reply = Optional.empty();
        if (silent >= SILENCES) {
            LOG.infof("Call %s: silent to the flow twice; the caller is offered the recording", call.callSid());
            answer = twiml.recordOnly();
        } else {
            reply = flows.receive(message(call, input), call.to());
            // The conversation is gone (ended while the caller was quiet): the caller leaves a recording.
            answer = reply.map(told -> answer(call, told, turn + 1, silent)).orElseGet(twiml::recordOnly);
        }
        calls.advance(call.callSid(), turn + 1, answer, reply.map(FlowReply::requestId).orElse(null),
                clock.instant());
        return answer;
    }

    /**
     * What the call was told after turn {@code turn}, when that turn was taken already (Twilio asking again): the
     * same answer, found without waiting for the call's lock, so a retry does no slow work twice.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> answeredBefore(String callSid, int turn) {
        return calls.find(callSid).filter(call -> call.turn() != turn).map(FlowCallStore.FlowCall::twiml);
    }

    /** The request a flow handed this call over with, if it did. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FlowCallStore.FlowCall> handedOver(String callSid) {
        return calls.find(callSid).filter(call -> call.requestId() != null);
    }

    /** Whether a flow answered this call: what it left is the flow's (a request, or its rules for a quiet caller). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean answered(String callSid) {
        return calls.find(callSid).isPresent();
    }

    /** The agent held for the call picked up: the flow's request becomes theirs now, if it still waits. */
    public Optional<ChannelRequest> connect(LiveReservation held) {
        Optional<FlowCallStore.FlowCall> call = calls.lock(held.contactKey()).filter(c -> c.requestId() != null);
        if (call.isEmpty()) {
            return Optional.empty();
        }
        Optional<ChannelRequest> live = requests.connectedLive(held.id(), call.get().requestId());
        live.ifPresent(request -> calls.connectedLive(held.contactKey(), clock.instant()));
        return live;
    }

    /** The live dial after a handoff ended: a conversation had is the answer; else the request waits its turn. */
    public String dialEnded(String callSid, boolean answered, String dialCallStatus) {
        FlowCallStore.FlowCall call = calls.lock(callSid).orElseThrow();
        Optional<LiveReservation> stillHeld = requests.liveReservationOf(IncomingCalls.CHANNEL, callSid);
        boolean live = call.connectedLive();
        if (!live && answered && stillHeld.isPresent()) {
            // Twilio bridged without asking /agent-answered first: the call connected all the same.
            live = connect(stillHeld.get()).isPresent();
        } else {
            stillHeld.ifPresent(held -> requests.release(held.id(), "the live call was not taken ("
                    + dialCallStatus + "); the request waits for the next agent"));
        }
        ChannelRequest request = requests.find(call.requestId()).orElseThrow();
        if (live) {
            if (request.withAgent()) {
                requests.answeredLive(request.id(), "live call with the caller ended");
            }
            return twiml.sayAndHangUp(config.prompts().goodbye());
        }
        return twiml.flowHandedOver(null, request.reference());
    }

    private String answer(TwilioCall call, FlowReply reply, int turn, int silence) {
        Rendered.VoicePrompt prompt = reply.reply().voice();
        String said = prompt == null ? reply.reply().text() : prompt.say();
        if (reply.waiting() && prompt != null && prompt.gather()) {
            return config.flowSpeech() == VoiceConfig.FlowSpeech.NONE && prompt.wantsWords()
                    ? twiml.flowRecord(prompt, turn, silence) : twiml.flowTurn(prompt, turn, silence);
        }
        if (reply.handedOff() && reply.requestId() != null) {
            return handOver(call, reply, said);
        }
        return twiml.sayAndHangUp(said == null || said.isBlank() ? config.prompts().goodbye() : said);
    }

    private String handOver(TwilioCall call, FlowReply reply, String said) {
        if (config.liveDial()) {
            Optional<LiveReservation> held = requests.reserveAgentForLiveContact(IncomingCalls.CHANNEL,
                    call.callSid(), call.from(), LiveNeeds.aPhone().withSkill(reply.collected().get("skill")));
            if (held.isPresent()) {
                LOG.infof("Call %s handed over by flow %s as request %s rings agent %s live", call.callSid(),
                        reply.flowId(), reply.reference(), held.get().agentDisplayName());
                return twiml.dial(said, held.get().agentPhone(), held.get().id());
            }
        }
        LOG.infof("Call %s handed over by flow %s as request %s", call.callSid(), reply.flowId(), reply.reference());
        return twiml.flowHandedOver(said, reply.reference());
    }

    private InboundMessage message(TwilioCall call, String input) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("callSid", call.callSid());
        if (call.to() != null) {
            attributes.put("to", call.to());
        }
        return InboundMessage.from(IncomingCalls.CHANNEL, call.from()).text(input)
                .providerMessageId(FLOW_KEY + call.callSid(), call.callSid())
                .language(config.language())
                .attributes(attributes)
                .build();
    }
}
