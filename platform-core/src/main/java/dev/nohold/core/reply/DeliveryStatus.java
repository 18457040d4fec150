package dev.nohold.core.reply;

/** How far a reply has got toward the customer. */
public enum DeliveryStatus {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Accepted by the provider, not yet confirmed on the customer's side. */
    SENT,
    DELIVERED,
    FAILED
}
