package dev.nohold.channel.webchat;

import java.util.UUID;

/**
 * A browser the chat knows, by the token it keeps: one customer without an account.
 *
 * @param address the customer's address on the {@code webchat} channel, as the core knows them (never the token)
 * @param phone   a number the customer left for an SMS of the answer, or null
 */
public record Visitor(UUID id, String address, String phone) {
}
