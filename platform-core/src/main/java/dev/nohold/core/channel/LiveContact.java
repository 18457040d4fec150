package dev.nohold.core.channel;

import java.time.Duration;

/**
 * A channel's optional hook for connecting a customer to an idle agent at once (a call bridged to the agent's
 * phone). The channel asks {@link ChannelRequests#reserveAgentForLiveContact} for an agent; this hook tells the core
 * how long such a hold may last before it lapses by itself.
 */
public interface LiveContact {

    /** What every agent taking this channel's live contacts needs (a phone, for calls). */
    LiveNeeds needs();

    /** How long an agent stays held while the contact is offered to them (the ring time, with a margin). */
    Duration offerTime();
}
