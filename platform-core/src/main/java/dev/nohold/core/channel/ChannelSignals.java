package dev.nohold.core.channel;

import dev.nohold.core.events.LiveEvent;
import dev.nohold.core.events.LiveEvents;
import dev.nohold.core.request.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * How a channel hears, on every node, what was committed on any node: the core's request events and the channel's
 * own signals, both carried by the live events (a {@code live_event} row and {@code pg_notify}). A channel whose
 * customer stays connected to one node (a web chat's socket) needs it, since the core's delivery of an answer may
 * run on another node: the channel stores what it must send, signals in the same transaction, and the node holding
 * the connection hears it after the commit and sends it.
 */
@ApplicationScoped
public class ChannelSignals {

    private final LiveEvents liveEvents;
    private final Event<ChannelEvent> channelEvents;
    private final Clock clock;

    public ChannelSignals(LiveEvents liveEvents, Event<ChannelEvent> channelEvents, Clock clock) {
        this.liveEvents = liveEvents;
        this.channelEvents = channelEvents;
        this.clock = clock;
    }

    /**
     * Tells every node, once the caller's transaction commits, that {@code channel} has news about a request
     * ({@code detail} is the channel's own, short and without personal data: the agent holding the request sees it
     * on their event stream too, so an inbox can follow a live conversation).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void signal(String channel, UUID requestId, String detail) {
        Request request = Request.findById(requestId);
        if (request == null) {
            throw new IllegalArgumentException("No request " + requestId);
        }
        liveEvents.request(request, ChannelEvent.SIGNAL, channel + ":" + detail, clock.instant());
    }

    /**
     * As {@link #signal(String, UUID, String)} for news that belongs to no request yet (a conversation flow's line to
     * a web chat customer before any request was made): supervisors' streams see it, agents' do not.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void signal(String channel, String detail) {
        liveEvents.other(ChannelEvent.SIGNAL, channel + ":" + detail, clock.instant());
    }

    /** Each committed event this node heard, passed to the channels without holding up the listener. */
    void relay(@Observes LiveEvent event) {
        if (event.isPresence()) {
            return;
        }
        String channel = null;
        String detail = event.detail();
        if (ChannelEvent.SIGNAL.equals(event.type()) && detail != null && detail.contains(":")) {
            channel = detail.substring(0, detail.indexOf(':'));
            detail = detail.substring(detail.indexOf(':') + 1);
        }
        channelEvents.fireAsync(new ChannelEvent(event.id(), event.type(), event.requestId(), event.reference(),
                event.status(), channel, detail));
    }
}
