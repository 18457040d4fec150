package dev.nohold.core.request;

/** Where a customer's request stands; only {@link Lifecycle} moves a request from one status to the next. */
public enum RequestStatus {
    RECEIVED, TRANSCRIBING, QUEUED, ASSIGNED, ANSWERED, DELIVERED, DELIVERY_FAILED, CANCELLED;

    /** Still waiting for, or with, an agent: the customer has no answer yet. */
    public boolean isOpen() {
        return this == RECEIVED || this == TRANSCRIBING || this == QUEUED || this == ASSIGNED;
    }
}
