package dev.nohold.core.channel;

import java.time.Instant;
import java.util.UUID;

/**
 * An idle agent held for one live contact: nothing else is given to them until the contact connects
 * ({@link ChannelRequests#connectedLive}), is released ({@link ChannelRequests#release}) or the hold expires.
 *
 * @param contactKey the channel's key for the contact (a CallSid)
 * @param address    the customer's address
 */
public record LiveReservation(UUID id, String channel, String contactKey, String address, String agentDisplayName,
                              String agentPhone, Instant expiresAt) {
}
