package dev.nohold.core.testing.architecture.door;

import dev.nohold.core.Refusal;
import dev.nohold.core.channel.ChannelRequests;

import java.util.UUID;

/** A well-behaved "channel" class: the core through its door, and a Refusal for the customer's mistake. */
public class GoesThroughTheDoor {

    private final ChannelRequests requests;

    public GoesThroughTheDoor(ChannelRequests requests) {
        this.requests = requests;
    }

    public void cancel(UUID requestId) {
        if (requestId == null) {
            throw Refusal.badInput("No request");
        }
        requests.cancel(requestId, "the customer asked");
    }
}
