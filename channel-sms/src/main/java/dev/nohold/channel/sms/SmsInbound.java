package dev.nohold.channel.sms;

import dev.nohold.channel.sms.HandledMessage.Outcome;
import dev.nohold.core.channel.ChannelRequest;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.flow.FlowConversations;
import dev.nohold.core.flow.FlowReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes one incoming text: a keyword (STOP, START, HELP, STATUS, CANCEL) steers; words go to the conversation flow
 * serving the number texted to ({@code To}) or continuing the texter's conversation, and the flow's turn is the
 * answer; anything else (and words no flow takes) is a question that joins the texter's request still waiting for an
 * agent or makes a new one. All of it commits before the webhook is answered, and texts from one number are handled
 * one at a time (a lock on the number), so two quick texts never make two requests. The answer is the text to send
 * back, or empty for none. The core is reached through its channel door, {@link ChannelRequests}, and its door to
 * flows, {@link FlowConversations}, only.
 */
@ApplicationScoped
@Transactional
public class SmsInbound {

    static final String CHANNEL = "sms";
    private static final Logger LOG = Logger.getLogger(SmsInbound.class);
    private final ChannelRequests requests;
    private final OptOuts optOuts;
    private final WaitEstimates waits;
    private final SmsConfig.Prompts prompts;
    private final Clock clock;
    private final Event<VoiceMessages.Stored> voiceMessageStored;
    private final FlowConversations flows;

    public SmsInbound(ChannelRequests requests, OptOuts optOuts, WaitEstimates waits, SmsConfig config, Clock clock,
                      Event<VoiceMessages.Stored> voiceMessageStored, FlowConversations flows) {
        this.requests = requests;
        this.flows = flows;
        this.optOuts = optOuts;
        this.waits = waits;
        this.prompts = config.prompts();
        this.clock = clock;
        this.voiceMessageStored = voiceMessageStored;
    }

    public Optional<String> take(InboundSms sms) {
        requests.holdAddress(CHANNEL, sms.from());
        HandledMessage earlier = HandledMessage.findById(sms.messageSid());
        if (earlier != null) {
            return repeat(earlier);
        }
        Optional<Keyword> keyword = Keyword.of(sms.body());
        if (optOuts.isOptedOut(sms.from()) && keyword.filter(k -> k == Keyword.START || k == Keyword.HELP).isEmpty()) {
            // Nothing can be sent back to this number, not even an answer, until it texts START.
            LOG.infof("Text %s from opted-out %s ignored", sms.messageSid(), Masked.phone(sms.from()));
            handled(sms, null, Outcome.IGNORED);
            return Optional.empty();
        }
        if (keyword.isPresent()) {
            return steer(keyword.get(), sms);
        }
        if (sms.voiceMessage().isPresent()) {
            return voiceMessage(sms, sms.voiceMessage().get());
        }
        if (sms.body().isBlank()) {
            handled(sms, null, Outcome.EMPTY);
            return Optional.of(prompts.empty());
        }
        if (sms.media().isEmpty()) {
            // Pictures are left out of a flow (it could not show them to the agent): such a text is a question.
            Optional<FlowReply> turn = flows.receive(message(sms), sms.to());
            if (turn.isPresent()) {
                return byTheFlow(sms, turn.get());
            }
        }
        return question(sms);
    }

    /**
     * The flow's turn is the answer. When it handed the texter to people, the core made the request (with the
     * MessageSid, and what the flow collected as its attributes): its parting words come with the acknowledgement
     * every new request gets, in one message, as without a flow.
     */
    private Optional<String> byTheFlow(InboundSms sms, FlowReply turn) {
        String said = turn.reply().text() == null ? "" : turn.reply().text().strip();
        String answer = said;
        if (turn.handedOff() && turn.requestId() != null) {
            ChannelRequest request = requests.find(turn.requestId()).orElseThrow();
            answer = said.isEmpty() ? acknowledge(prompts.received(), request)
                    : said + " " + acknowledge(prompts.handedOver(), request);
            LOG.infof("Text %s taken as request %s, handed over by flow %s", sms.messageSid(), request.reference(),
                    turn.flowId());
        }
        HandledMessage handled = handled(sms, turn.requestId(), Outcome.FLOW);
        handled.answer = answer.isEmpty() ? null : answer;
        return Optional.ofNullable(handled.answer);
    }

    /**
     * An MMS voice message makes a spoken request of its own (with the message's text, if any, kept beside its
     * transcript): stored now, waiting for its audio, which is fetched once this commits ({@link VoiceMessages}).
     */
    private Optional<String> voiceMessage(InboundSms sms, InboundSms.Media voice) {
        Map<String, String> attributes = new HashMap<>();
        if (sms.to() != null) {
            attributes.put("to", sms.to());
        }
        attributes.put(VoiceMessages.MEDIA_URL, voice.url());
        attributes.put("mediaType", voice.contentType());
        IntakeReceipt receipt = requests.take(InboundMessage.from(CHANNEL, sms.from())
                .text(sms.body().isBlank() ? null : sms.body())
                .providerMessageId(sms.messageSid(), sms.fingerprint())
                .attributes(attributes).audioToFollow().build());
        ChannelRequest request = requests.find(receipt.id()).orElseThrow();
        if (!receipt.duplicate()) {
            handled(sms, receipt.id(), Outcome.NEW_REQUEST);
            noteMediaNotKept(receipt.id(), sms.otherMedia());
            voiceMessageStored.fire(new VoiceMessages.Stored(receipt.id(), voice.url()));
            LOG.infof("Request %s stored from a voice message (%s); its audio is being fetched", request.reference(),
                    voice.contentType());
        }
        return Optional.of(acknowledge(prompts.received(), request));
    }

    /**
     * Pictures and other media are not kept (the store and the inbox play audio only): the agent reads on the
     * timeline that the customer sent them, and can ask for what they showed in words.
     */
    private void noteMediaNotKept(UUID requestId, List<InboundSms.Media> others) {
        if (!others.isEmpty()) {
            requests.note(requestId, "MEDIA_NOT_KEPT", "the customer also sent " + others.size() + " other media ("
                    + String.join(", ", others.stream().map(InboundSms.Media::contentType).toList())
                    + "), which this line does not keep: ask them in words if it matters");
        }
    }

    private Optional<String> question(InboundSms sms) {
        // The core joins a text to the customer's open request on any channel, or makes a new one.
        IntakeReceipt receipt = requests.take(message(sms));
        ChannelRequest request = requests.find(receipt.id()).orElseThrow();
        if (!receipt.duplicate()) {
            handled(sms, receipt.id(), receipt.joined() ? Outcome.JOINED : Outcome.NEW_REQUEST);
            noteMediaNotKept(receipt.id(), sms.otherMedia());
        }
        if (receipt.joined()) {
            LOG.infof("Text %s joined request %s", sms.messageSid(), request.reference());
        }
        return Optional.of(acknowledge(receipt.joined() ? prompts.joined() : prompts.received(), request));
    }

    /** A text of words as intake takes it: the provider's MessageSid keeps a Twilio retry from acting twice. */
    private static InboundMessage message(InboundSms sms) {
        return InboundMessage.from(CHANNEL, sms.from()).text(sms.body())
                .providerMessageId(sms.messageSid(), sms.fingerprint())
                .attributes(sms.to() == null ? Map.of() : Map.of("to", sms.to())).build();
    }

    private Optional<String> steer(Keyword keyword, InboundSms sms) {
        return switch (keyword) {
            case STOP -> {
                optOuts.optOut(sms.from(), "texted " + sms.body().strip());
                handled(sms, null, Outcome.STOP);
                yield prompts.stopped();
            }
            case START -> {
                optOuts.optIn(sms.from());
                handled(sms, null, Outcome.START);
                yield Optional.of(prompts.started());
            }
            case HELP -> {
                handled(sms, null, Outcome.HELP);
                yield Optional.of(prompts.help());
            }
            case STATUS -> {
                Optional<ChannelRequest> open = requests.openRequestOf(CHANNEL, sms.from());
                handled(sms, open.map(ChannelRequest::id).orElse(null), Outcome.STATUS);
                yield Optional.of(open.map(r -> acknowledge(prompts.status(), r)).orElse(prompts.noOpenRequest()));
            }
            case CANCEL -> Optional.of(cancel(sms));
        };
    }

    private String cancel(InboundSms sms) {
        Optional<ChannelRequest> open = requests.openRequestOf(CHANNEL, sms.from());
        handled(sms, open.map(ChannelRequest::id).orElse(null), Outcome.CANCEL);
        if (open.isEmpty()) {
            return prompts.noOpenRequest();
        }
        ChannelRequest request = open.get();
        requests.cancel(request.id(), "the customer texted CANCEL");
        LOG.infof("Request %s cancelled by SMS", request.reference());
        return Prompts.fill(prompts.cancelled(), Map.of("reference", request.reference()));
    }

    /** Twilio sent this MessageSid again: answer as the first time, acting on nothing twice. */
    private Optional<String> repeat(HandledMessage earlier) {
        ChannelRequest request = earlier.requestId == null ? null : requests.find(earlier.requestId).orElse(null);
        return switch (earlier.handledAs) {
            case NEW_REQUEST -> Optional.of(acknowledge(prompts.received(), request));
            case JOINED -> Optional.of(acknowledge(prompts.joined(), request));
            case STATUS -> Optional.of(request == null ? prompts.noOpenRequest() : acknowledge(prompts.status(), request));
            case CANCEL -> Optional.of(request == null ? prompts.noOpenRequest()
                    : Prompts.fill(prompts.cancelled(), Map.of("reference", request.reference())));
            case STOP -> prompts.stopped();
            case START -> Optional.of(prompts.started());
            case HELP -> Optional.of(prompts.help());
            case EMPTY -> Optional.of(prompts.empty());
            case IGNORED -> Optional.empty();
            case FLOW -> Optional.ofNullable(earlier.answer);
        };
    }

    private String acknowledge(String template, ChannelRequest request) {
        String wait = request.open() ? waits.describe(request.id()) : "";
        return Prompts.fill(template, Map.of("reference", request.reference(), "wait", wait));
    }

    private HandledMessage handled(InboundSms sms, UUID requestId, Outcome outcome) {
        HandledMessage handled = new HandledMessage();
        handled.messageSid = sms.messageSid();
        handled.requestId = requestId;
        handled.handledAs = outcome;
        handled.receivedAt = clock.instant();
        handled.persist();
        return handled;
    }
}
