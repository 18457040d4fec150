package dev.nohold.channel.webhook;

import java.util.UUID;

/**
 * What the callback URL receives: the contract's {@code reference}, {@code text}, {@code by} and {@code at}, plus the
 * request's {@code id} the intake answered with, so a caller can match by either.
 */
public record WebhookCallback(UUID id, String reference, String text, String by, String at) {
}
