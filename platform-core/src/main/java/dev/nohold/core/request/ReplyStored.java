package dev.nohold.core.request;

import java.util.UUID;

/** Fired inside the transaction that stored a reply and its delivery; observed after commit to send it at once. */
public record ReplyStored(UUID requestId, UUID deliveryId) {
}
