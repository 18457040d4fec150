package dev.nohold.core.channel;

import java.util.Optional;

/**
 * A way customers reach the platform and get their answers: SMS, voice, web chat, a plugin.
 *
 * <p>A channel is a CDI bean implementing this interface in a jar on the classpath (with a Jandex index); the core
 * finds it, nobody registers it. Intake is the channel's own business (its endpoints or Camel consumers hand an
 * {@link InboundMessage} to {@link Intake}); delivery is this interface's {@link #deliver}.
 */
public interface Channel {

    /** A short, stable id stored with each request: {@code sms}, {@code voice}, {@code webchat}, {@code webhook}. */
    String id();

    /** The name agents see in the inbox. */
    String displayName();

    /** A short icon (an emoji or a URL) for the inbox. */
    default String icon() {
        return "\uD83D\uDCAC";
    }

    /**
     * What the channel still needs before it can work (credentials, a server), in words an operator can act on
     * ("nohold.twilio.auth-token is not set"), or empty when it has everything. A channel without its configuration
     * still starts: it says so in {@code GET /api/channels} and the health check, and refuses its deliveries with
     * this reason, so one unconfigured channel never stops the platform.
     */
    default Optional<String> missingConfiguration() {
        return Optional.empty();
    }

    default boolean configured() {
        return missingConfiguration().isEmpty();
    }

    /**
     * The channel's latest trouble with its provider (a refused login, an unreachable server, a failed poll), or
     * empty when its last exchange with the provider went well.
     */
    default Optional<String> lastError() {
        return Optional.empty();
    }

    /** Configured, and its last exchange with its provider went well. */
    default boolean healthy() {
        return configured() && lastError().isEmpty();
    }

    /**
     * Sends one reply to the customer. Called by the core's delivery route, at least once per reply: a channel
     * whose provider accepts an idempotency key should pass {@link OutboundReply#deliveryId()}.
     *
     * @return the provider's id for the message, and whether the provider already confirmed delivery
     * @throws DeliveryException saying whether a later retry can help
     */
    DeliveryResult deliver(OutboundReply reply) throws DeliveryException;

    /** The channel to try when this one fails for good (a voice callback nobody answers goes out as an SMS). */
    default Optional<String> fallbackChannel() {
        return Optional.empty();
    }

    /** The live-contact hook of a channel that can connect a customer to an idle agent at once (voice). */
    default Optional<LiveContact> liveContact() {
        return Optional.empty();
    }

    /**
     * Sends a short notice that belongs to no request (a link another channel offered the customer), under this
     * channel's own rules (an SMS number that texted STOP gets nothing). Reached through
     * {@link ChannelRequests#sendNotice}, so a channel never calls another directly.
     *
     * @throws DeliveryException when it cannot go out; a channel without notices refuses every one
     */
    default void notice(String to, String text) throws DeliveryException {
        throw DeliveryException.permanentFailure("The " + id() + " channel sends no notices");
    }
}
