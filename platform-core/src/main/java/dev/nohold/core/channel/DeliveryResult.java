package dev.nohold.core.channel;

/**
 * A channel's word that a reply left: the provider's id for it, and whether the customer's side already
 * confirmed it (a webhook receiver's 2xx) or a status callback will tell later (an SMS).
 */
public record DeliveryResult(String providerId, boolean confirmed) {

    public static DeliveryResult delivered(String providerId) {
        return new DeliveryResult(providerId, true);
    }

    public static DeliveryResult sent(String providerId) {
        return new DeliveryResult(providerId, false);
    }
}
