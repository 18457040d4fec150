package dev.nohold.channel.webchat;

import dev.nohold.core.channel.ChannelEvent;
import dev.nohold.core.channel.ChannelRequest;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.ChannelSignals;
import dev.nohold.core.channel.DeliveryException;
import dev.nohold.core.channel.DeliveryResult;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.IntakeReceipt;
import dev.nohold.core.channel.LiveNeeds;
import dev.nohold.core.channel.LiveReservation;
import dev.nohold.core.channel.OutboundReply;
import dev.nohold.core.flow.FlowConversations;
import dev.nohold.core.flow.FlowReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens in a chat, whichever node the browser is connected to: a customer's words and voice notes become
 * requests (live with an agent free, deferred otherwise), answers and live messages are stored as the browser's
 * next messages, and every node is signalled so the one holding the browser's socket shows them.
 */
@ApplicationScoped
public class Conversations {

    static final String CHANNEL = WebChatChannel.ID;

    private static final Logger LOG = Logger.getLogger(Conversations.class);

    private final ChatStore store;
    private final ChannelRequests requests;
    private final ChannelSignals signals;
    private final FlowConversations flows;
    private final Clock clock;

    public Conversations(ChatStore store, ChannelRequests requests, ChannelSignals signals, FlowConversations flows,
                         Clock clock) {
        this.store = store;
        this.requests = requests;
        this.signals = signals;
        this.flows = flows;
        this.clock = clock;
    }

    /**
     * The customer wrote. With no request open and an agent free, the chat goes live with that agent; otherwise the
     * text makes a deferred request, or joins the one open (also a live one). The same client id again (a page
     * resending after a lost connection) stores nothing new. A conversation flow serving the page's
     * {@code entryPoint} (null: the chat's own) or continuing the customer's conversation answers first.
     *
     * @return the lines stored, for the page that sent it
     */
    @Transactional
    public List<ChatLine> say(Visitor visitor, String clientId, String text, String entryPoint) {
        String providerId = visitor.id() + ":" + clientId;
        InboundMessage.Builder message = InboundMessage.from(CHANNEL, visitor.address()).text(text)
                .providerMessageId(providerId, fingerprint(text));
        Optional<ChatLine> resent = store.said(visitor.id(), clientId);
        if (resent.isPresent()) {
            // The page sent it again after a lost connection: it was taken (by the flow or as a request) already.
            return List.of(resent.get());
        }
        Optional<FlowReply> bot = flows.receive(CHANNEL, visitor.address(), entryPoint, text);
        if (bot.isPresent()) {
            return toldByTheFlow(visitor, clientId, providerId, text, bot.get());
        }
        Optional<ChannelRequest> live = requests.openRequestOf(CHANNEL, visitor.address()).isPresent()
                ? Optional.empty() : goLive(visitor, providerId, message);
        if (live.isPresent()) {
            String agent = store.liveAgent(live.get().id()).map(ChatStore.LiveAgent::name).orElse("an agent");
            return append(visitor, ChatLine.of(live.get().id(), ChatLine.CUSTOMER, text).from(clientId),
                    ChatLine.of(live.get().id(), ChatLine.NOTICE, "You are talking with " + agent + "."));
        }
        IntakeReceipt receipt = requests.take(message.build());
        ChatLine said = ChatLine.of(receipt.id(), ChatLine.CUSTOMER, text).from(clientId);
        if (receipt.joined() || receipt.duplicate()) {
            return append(visitor, said);
        }
        return append(visitor, said, taken(receipt.id(), receipt.reference()));
    }

    /**
     * The conversation flow took the customer's words: its answer is shown with its quick replies. When it handed the
     * customer over, the request it made goes on as any chat's request: live with an agent free, else its reference
     * (and the place in line, from the standing) until the answer comes. Self-served or ended: the answer is all.
     */
    private List<ChatLine> toldByTheFlow(Visitor visitor, String clientId, String contactKey, String text,
                                         FlowReply reply) {
        UUID requestId = reply.handedOff() ? reply.requestId() : null;
        List<ChatLine> lines = new ArrayList<>();
        lines.add(ChatLine.of(requestId, ChatLine.CUSTOMER, text).from(clientId));
        String said = reply.reply().text() == null ? "" : reply.reply().text().strip();
        if (!said.isEmpty() && !(reply.handedOff() && requestId != null)) {
            lines.add(ChatLine.of(requestId, ChatLine.BOT, said)
                    .offering(reply.waiting() ? reply.reply().quickReplies() : List.of()));
        }
        if (reply.handedOff() && requestId != null) {
            // The flow's parting words open the notice the chat gives every request: one line, as without a flow.
            String lead = said.isEmpty() ? "" : said + " ";
            Optional<ChannelRequest> live = requests.reserveAgentForLiveContact(CHANNEL, contactKey,
                            visitor.address(), new LiveNeeds(false, null))
                    .flatMap(held -> requests.connectedLive(held.id(), requestId).map(request -> {
                        requests.holder(request.id()).ifPresent(username ->
                                store.startLive(request.id(), username, held.agentDisplayName(), clock.instant()));
                        LOG.infof("Live chat %s connected after flow %s", request.reference(), reply.flowId());
                        return request;
                    }));
            if (live.isPresent()) {
                String agent = store.liveAgent(requestId).map(ChatStore.LiveAgent::name).orElse("an agent");
                lines.add(ChatLine.of(requestId, ChatLine.NOTICE, lead + "You are talking with " + agent + "."));
            } else {
                ChatLine taken = taken(requestId, reply.reference());
                lines.add(said.isEmpty() ? taken : ChatLine.of(requestId, ChatLine.NOTICE,
                        lead + taken.text().replaceFirst("^Thank you\\. ", "")));
            }
        }
        return append(visitor, lines.toArray(ChatLine[]::new));
    }

    /** A voice note makes a request of its own (its words are known only once the core has transcribed it). */
    @Transactional
    public List<ChatLine> speak(Visitor visitor, String clientId, byte[] audio, String mediaType) {
        IntakeReceipt receipt = requests.take(InboundMessage.from(CHANNEL, visitor.address())
                .audio(audio, mediaType).ownRequest()
                .providerMessageId(visitor.id() + ":" + clientId, fingerprint(audio))
                .build());
        ChatLine note = ChatLine.of(receipt.id(), ChatLine.CUSTOMER, "Voice note").withAudio(mediaType).from(clientId);
        if (receipt.duplicate()) {
            return append(visitor, note);
        }
        return append(visitor, note, taken(receipt.id(), receipt.reference()));
    }

    private Optional<ChannelRequest> goLive(Visitor visitor, String contactKey, InboundMessage.Builder message) {
        Optional<LiveReservation> held = requests.reserveAgentForLiveContact(CHANNEL, contactKey, visitor.address(),
                new LiveNeeds(false, null));
        if (held.isEmpty()) {
            return Optional.empty();
        }
        // The page is open and the customer is there: the chat connects at once, nothing to ring.
        Optional<ChannelRequest> made = requests.connectedLive(held.get().id(), message.ownRequest().build());
        made.ifPresent(request -> {
            requests.holder(request.id()).ifPresent(username ->
                    store.startLive(request.id(), username, held.get().agentDisplayName(), clock.instant()));
            LOG.infof("Live chat %s connected", request.reference());
        });
        return made;
    }

    private static ChatLine taken(UUID requestId, String reference) {
        return ChatLine.of(requestId, ChatLine.NOTICE, "Thank you. Your request " + reference + " is taken: the"
                + " answer will appear here, also if you close this page and come back.");
    }

    /** The page showed everything up to {@code seq}: the answers among them are delivered. */
    @Transactional
    public void acknowledge(Visitor visitor, long seq) {
        store.acknowledge(visitor.id(), seq, clock.instant()).forEach(this::confirm);
    }

    /**
     * Tells the core an acknowledged answer arrived, once the core knows the delivery by the id this channel gave it
     * (a browser may acknowledge before the delivery's own commit; {@link WebChatRoutes} tries again).
     */
    @Transactional
    public void confirm(UUID deliveryId) {
        if (requests.deliveryByProviderId(CHANNEL, deliveryId.toString()).isPresent()) {
            requests.delivered(CHANNEL, deliveryId.toString());
            store.confirmed(deliveryId);
        }
    }

    @Transactional
    public List<ChatLine> leavePhone(Visitor visitor, String phone, String smsAfter) {
        store.leavePhone(visitor.id(), phone);
        return List.of(store.append(visitor.id(), ChatLine.of(null, ChatLine.NOTICE, "If you have not read an answer"
                + " here " + smsAfter + " after it came, it will be sent by SMS to " + phone + "."),
                clock.instant()).line());
    }

    /** Where the customer's open request stands, for the page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Standing> standing(Visitor visitor, java.time.Duration window) {
        return requests.openRequestOf(CHANNEL, visitor.address()).map(request -> {
            Optional<ChatStore.LiveAgent> live = liveAgentHolding(request.id());
            if (live.isPresent()) {
                return Standing.live(request.reference(), live.get().name());
            }
            if (!request.waiting()) {
                return Standing.withAgent(request.reference());
            }
            return Standing.waiting(request.reference(), requests.placeOf(request.id(), window));
        });
    }

    /** The agent who took the chat live, while they hold it: the chat is live. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ChatStore.LiveAgent> liveAgentHolding(UUID requestId) {
        return store.liveAgent(requestId).filter(agent ->
                requests.holder(requestId).map(agent.username()::equals).orElse(false));
    }

    // --- Answers
    /** The core delivers an answer: it becomes the browser's next message, shown by whichever node holds it. */
    @Transactional
    public DeliveryResult storeAnswer(OutboundReply reply) throws DeliveryException {
        Visitor visitor = store.byAddress(reply.to()).orElseThrow(() -> DeliveryException.permanentFailure(
                "No web chat is known by the address " + reply.to()));
        ChatLine answer = ChatLine.of(reply.requestId(), ChatLine.AGENT, reply.text())
                .answering(reply.deliveryId(), reply.by());
        if (reply.audioUrl() != null) {
            answer = answer.withAudio(reply.audioType() == null ? "audio/wav" : reply.audioType());
        }
        store.append(visitor.id(), answer, clock.instant());
        String providerId = reply.deliveryId().toString();
        if (store.acknowledged(reply.deliveryId())) {
            return DeliveryResult.delivered(providerId);
        }
        signals.signal(CHANNEL, reply.requestId(), "visitor:" + visitor.id());
        LOG.infof("Answer to chat request %s stored for the browser (attempt %d)", reply.reference(), reply.attempt());
        return DeliveryResult.sent(providerId);
    }

    /**
     * The platform tells a chat something outside a turn (a conversation flow reminding a quiet customer, or ending
     * their conversation): the bot's next line, committed on its own so the page can be shown it at once.
     *
     * @return the visitor told, or empty when no chat is known by that address
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Visitor> notice(String address, String text) {
        Optional<Visitor> visitor = store.byAddress(address);
        visitor.ifPresent(known -> {
            store.append(known.id(), ChatLine.of(null, ChatLine.BOT, text), clock.instant());
            // Whichever node holds the visitor's socket shows it (the timer that sent it may run on any node).
            signals.signal(CHANNEL, "visitor:" + known.id());
        });
        return visitor;
    }

    // --- What the core did, heard on every node

    /**
     * A voice note's request was queued (its transcript, or the reason there is none, is known now) or a live chat
     * ended: the browser is told, once, however many nodes hear it.
     */
    @Transactional
    public void heard(ChannelEvent event) {
        if (event.requestId() == null || event.channel() != null) {
            return;
        }
        if ("QUEUED".equals(event.type())) {
            transcribed(event.requestId());
        } else if ("ANSWERED_LIVE".equals(event.type())) {
            store.visitorOfRequest(event.requestId()).ifPresent(visitor -> appendAndSignal(visitor,
                    ChatLine.of(event.requestId(), ChatLine.ENDED, "The agent ended the chat. Write again any time.")));
        }
    }

    private void transcribed(UUID requestId) {
        List<ChatLine> lines = store.ofRequest(requestId);
        boolean voiceNote = lines.stream().anyMatch(line -> ChatLine.CUSTOMER.equals(line.kind()) && line.audioType() != null);
        boolean told = lines.stream().anyMatch(line -> ChatLine.TRANSCRIPT.equals(line.kind()));
        if (!voiceNote || told) {
            return;
        }
        String text = requests.find(requestId).map(ChannelRequest::text).filter(words -> !words.isBlank())
                .map(words -> "Heard: \u201C" + words + "\u201D")
                .orElse("Your voice note could not be turned into words; an agent will listen to it.");
        store.visitorOfRequest(requestId).ifPresent(visitor ->
                appendAndSignal(visitor, ChatLine.of(requestId, ChatLine.TRANSCRIPT, text)));
    }

    private void appendAndSignal(Visitor visitor, ChatLine line) {
        if (store.append(visitor.id(), line, clock.instant()).stored()) {
            signals.signal(CHANNEL, line.requestId(), "visitor:" + visitor.id());
        }
    }

    private List<ChatLine> append(Visitor visitor, ChatLine... lines) {
        List<ChatLine> stored = new ArrayList<>();
        boolean any = false;
        for (ChatLine line : lines) {
            ChatStore.Appended appended = store.append(visitor.id(), line, clock.instant());
            stored.add(appended.line());
            any |= appended.stored();
        }
        // Every page of this visitor, on whichever node, shows the lines (a bot's turn before any request too).
        UUID requestId = java.util.Arrays.stream(lines).map(ChatLine::requestId).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        if (any && requestId != null) {
            signals.signal(CHANNEL, requestId, "visitor:" + visitor.id());
        } else if (any) {
            signals.signal(CHANNEL, "visitor:" + visitor.id());
        }
        return stored;
    }

    private static String fingerprint(String text) {
        return fingerprint(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
