package dev.nohold.tck;

/**
 * One thing the platform asked the provider to deliver.
 *
 * @param to         the customer's address it went to
 * @param text       what it said, or null when the provider never sees the words (a call whose speech is fetched
 *                   later)
 * @param providerId the provider's id for it (a message or call sid), or null
 */
public record Delivered(String to, String text, String providerId) {
}
