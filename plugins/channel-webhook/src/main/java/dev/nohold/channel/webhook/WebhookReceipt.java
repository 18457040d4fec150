package dev.nohold.channel.webhook;

import dev.nohold.core.channel.JournalReceipt;

import java.util.UUID;

/** The 201 answer to an intake: the same for a repeat with the same {@code Idempotency-Key}. */
public record WebhookReceipt(UUID id, String reference, String status) {

    static WebhookReceipt of(JournalReceipt receipt) {
        return new WebhookReceipt(receipt.requestId(), receipt.reference(), receipt.status());
    }
}
