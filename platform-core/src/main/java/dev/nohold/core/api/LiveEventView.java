package dev.nohold.core.api;

import dev.nohold.core.IsoTime;
import dev.nohold.core.events.LiveEvent;

import java.util.UUID;

/**
 * A live event as {@code GET /api/events} sends it in each event's {@code data}. {@code type} is a request
 * event's type (a new status, or {@code REQUEUED}, {@code REPLIED}, {@code DELIVERY_ATTEMPT}, …), {@code PRESENCE}
 * (then {@code status} is the agent's new presence) or {@code RESYNC} (too much was missed: reload).
 *
 * @param status the request's status after the change
 * @param agent  the username of the agent holding (or having answered) the request, or whose presence changed
 */
public record LiveEventView(long id, String type, UUID requestId, String reference, String status, String agent,
                            String at, String detail) {

    static LiveEventView of(LiveEvent event) {
        return new LiveEventView(event.id(), event.type(), event.requestId(), event.reference(), event.status(),
                event.agent(), IsoTime.format(event.at()), event.detail());
    }
}
