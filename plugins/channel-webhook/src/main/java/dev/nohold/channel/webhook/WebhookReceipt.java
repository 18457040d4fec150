package dev.nohold.channel.webhook;

import dev.nohold.core.channel.IntakeReceipt;

import java.util.UUID;

/** The 201 answer to an intake: the same for a repeat with the same {@code Idempotency-Key}. */
public record WebhookReceipt(UUID id, String reference, String status) {

    static WebhookReceipt of(IntakeReceipt receipt) {
        return new WebhookReceipt(receipt.id(), receipt.reference(), receipt.statusName());
    }
}
