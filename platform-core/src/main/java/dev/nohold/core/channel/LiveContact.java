package dev.nohold.core.channel;

import java.time.Duration;

/**
 * A channel's optional hook for connecting a customer to an idle agent at once (a call bridged to the agent's
 * phone), returned by {@link Channel#liveContact()}. The channel asks {@link ChannelRequests#reserveAgentForLiveContact}
 * for an agent; this tells the core who qualifies and how long such a hold may last before it lapses by itself.
 *
 * @param needs     what every agent taking this channel's live contacts needs (a phone, for calls)
 * @param offerTime how long an agent stays held while the contact is offered to them (the ring time, with a margin)
 */
public record LiveContact(LiveNeeds needs, Duration offerTime) {
}
