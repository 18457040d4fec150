package dev.nohold.core.api;

/** Where to send a failed answer again: a channel the customer is known by, and optionally which address there. */
public record ResendInput(String channel, String address) {
}
