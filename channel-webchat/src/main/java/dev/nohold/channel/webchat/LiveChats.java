package dev.nohold.channel.webchat;

import dev.nohold.core.Refusal;
import dev.nohold.core.channel.ChannelRequest;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.ChannelSignals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The agent's side of a chat: reading it, and in a live chat writing, typing and ending it. Only the agent holding
 * the request may; what they write becomes the browser's next message, shown by whichever node holds its socket.
 */
@ApplicationScoped
public class LiveChats {

    private static final String CHANNEL = Conversations.CHANNEL;

    private final ChatStore store;
    private final Conversations conversations;
    private final ChannelRequests requests;
    private final ChannelSignals signals;
    private final Clock clock;

    public LiveChats(ChatStore store, Conversations conversations, ChannelRequests requests, ChannelSignals signals,
                     Clock clock) {
        this.store = store;
        this.conversations = conversations;
        this.requests = requests;
        this.signals = signals;
        this.clock = clock;
    }

    /** The agent holding a live chat writes; the chat goes on. */
    @Transactional
    public ChatLine agentSays(UUID requestId, String username, String text) {
        ChatStore.LiveAgent agent = liveChatHeldBy(requestId, username);
        Visitor visitor = store.visitorOfRequest(requestId).orElseThrow(() -> Refusal.notFound("No chat for request "
                + requestId));
        ChatLine line = store.append(visitor.id(), ChatLine.of(requestId, ChatLine.AGENT, text).by(agent.name()),
                clock.instant()).line();
        signals.signal(CHANNEL, requestId, "visitor:" + visitor.id());
        return line;
    }

    /** The agent is typing: the customer's page shows it for a moment. */
    @Transactional
    public void agentTyping(UUID requestId, String username) {
        liveChatHeldBy(requestId, username);
        store.visitorOfRequest(requestId).ifPresent(visitor ->
                signals.signal(CHANNEL, requestId, "agent-typing:" + visitor.id()));
    }

    /** The agent ended the live chat: it was the answer, so the request is answered and delivered. */
    @Transactional
    public void endLiveChat(UUID requestId, String username) {
        liveChatHeldBy(requestId, username);
        requests.answeredLive(requestId, "the agent ended the chat");
    }

    /** The customer is typing in a live chat: the agent's inbox shows it for a moment. */
    @Transactional
    public void customerTyping(Visitor visitor) {
        requests.openRequestOf(CHANNEL, visitor.address())
                .filter(request -> conversations.liveAgentHolding(request.id()).isPresent())
                .ifPresent(request -> signals.signal(CHANNEL, request.id(), "customer-typing"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChatLine> chatOf(UUID requestId, String username) {
        ChannelRequest request = requests.find(requestId).filter(found -> CHANNEL.equals(found.channel()))
                .orElseThrow(() -> Refusal.notFound("No chat request " + requestId));
        if (!requests.holder(requestId).map(username::equals).orElse(false)) {
            throw Refusal.forbidden("Request " + request.reference() + " is not yours");
        }
        return store.ofRequest(requestId);
    }

    /** A live chat an agent holds now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isLive(UUID requestId) {
        return conversations.liveAgentHolding(requestId).isPresent();
    }

    /** The live chat's agent, when it is {@code username}'s live chat now. */
    private ChatStore.LiveAgent liveChatHeldBy(UUID requestId, String username) {
        ChannelRequest request = requests.find(requestId).filter(found -> CHANNEL.equals(found.channel()))
                .orElseThrow(() -> Refusal.notFound("No chat request " + requestId));
        return conversations.liveAgentHolding(requestId).filter(agent -> agent.username().equals(username))
                .orElseThrow(() -> Refusal.conflict("Request " + request.reference()
                        + " is not (or no longer) a live chat of yours"));
    }
}
