package dev.nohold.core.channel;

import dev.nohold.core.request.RequestStatus;

import java.util.UUID;

/**
 * The core's answer to an intake: the request's id and reference, the status it had when first taken in, and
 * whether this message repeated one already taken (a provider's retry).
 */
public record IntakeReceipt(UUID id, String reference, RequestStatus status, boolean duplicate) {

    /** The status by name, for a channel (channels do not use the core's request types). */
    public String statusName() {
        return status.name();
    }
}
