package dev.nohold.channel.template;

/**
 * What the provider posts when a customer writes: its own id for the message (the same id on its retries), the
 * customer's address and what they wrote.
 */
public record ProviderMessage(String id, String from, String text) {
}
