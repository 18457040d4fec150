package dev.nohold.core.flow;

import java.util.Map;
import java.util.UUID;

/**
 * What a channel gets back from {@link FlowConversations#receive}: the turn rendered for it, the outcome, and when
 * the flow handed the customer to people, the request the core made for them (its id and the reference to tell).
 *
 * @param reply      what to show or say to the customer now
 * @param outcome    waiting (the flow expects another message), self-served, handoff or ended
 * @param requestId  the request made on handoff (null otherwise)
 * @param reference  that request's reference (null otherwise)
 * @param collected  what the flow collected so far
 */
public record FlowReply(UUID conversationId, String flowId, Rendered reply, Outcome outcome, UUID requestId,
                        String reference, Map<String, String> collected) {

    public boolean handedOff() {
        return outcome == Outcome.HANDOFF;
    }

    public boolean waiting() {
        return outcome == Outcome.WAITING;
    }
}
