package dev.nohold.tck;

/** How the provider refuses a delivery in the kit's failure tests. */
public enum ProviderFailure {
    /** A failure a later attempt may pass (a 503, a timeout, a full mailbox server): the core must retry. */
    RETRYABLE,
    /** A failure no retry changes (an invalid number, an address that does not exist): reported to the agent. */
    PERMANENT
}
