package dev.nohold.core.channel;

import dev.nohold.core.request.RequestStatus;

import java.util.UUID;

/**
 * The core's answer to an intake: the request's id and reference, the status it had when first taken in, whether
 * this message repeated one already taken (a provider's retry), and whether it joined a request the customer already
 * had open (or reopened a lately answered one) instead of making a new one, so a channel can word its
 * acknowledgement.
 */
public record IntakeReceipt(UUID id, String reference, RequestStatus status, boolean duplicate, boolean joined) {

    public IntakeReceipt(UUID id, String reference, RequestStatus status, boolean duplicate) {
        this(id, reference, status, duplicate, false);
    }

    /** The status by name, for a channel (channels do not use the core's request types). */
    public String statusName() {
        return status.name();
    }
}
