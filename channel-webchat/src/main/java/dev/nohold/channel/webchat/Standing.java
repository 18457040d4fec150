package dev.nohold.channel.webchat;

import dev.nohold.core.channel.PlaceInLine;

/**
 * Where the customer's open request stands, as the page shows it above the conversation: waiting (with the place in
 * line and the honest estimate), with an agent, or live with a named agent.
 */
public record Standing(String state, String reference, long position, Long minutes, boolean soon, String agent) {

    static Standing waiting(String reference, PlaceInLine place) {
        if (place.withAgent()) {
            return withAgent(reference);
        }
        return new Standing("waiting", reference, place.position(),
                place.minutes().isPresent() ? place.minutes().getAsLong() : null, place.takenInAMoment(), null);
    }

    static Standing withAgent(String reference) {
        return new Standing("with-agent", reference, 0, null, false, null);
    }

    static Standing live(String reference, String agent) {
        return new Standing("live", reference, 0, null, false, agent);
    }
}
