package dev.nohold.channel.webhook;

/**
 * What a caller posts to {@code /channels/webhook/requests}.
 *
 * @param from        the customer's id in the caller's system
 * @param text        what the customer asked
 * @param callbackUrl where the answer is posted, absolute http(s)
 */
public record WebhookMessage(String from, String text, String callbackUrl) {
}
