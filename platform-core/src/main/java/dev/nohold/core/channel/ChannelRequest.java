package dev.nohold.core.channel;

import java.util.Map;
import java.util.UUID;

/**
 * A request as a channel may see it: enough to tell the customer where it stands and to answer on the channel,
 * never the entity.
 *
 * @param status     the request's status by name ({@code QUEUED}, {@code ASSIGNED}, …)
 * @param attributes what the channel stored with it at intake
 */
public record ChannelRequest(UUID id, String reference, String channel, String from, String text, String status,
                             Map<String, String> attributes) {

    /** Still waiting for, or with, an agent: no answer yet. */
    public boolean open() {
        return switch (status) {
            case "RECEIVED", "TRANSCRIBING", "QUEUED", "ASSIGNED" -> true;
            default -> false;
        };
    }

    /** An agent holds it now. */
    public boolean withAgent() {
        return "ASSIGNED".equals(status);
    }

    /** Open and no agent has it yet: more from the customer may still join it. */
    public boolean waiting() {
        return open() && !withAgent();
    }
}
