package dev.nohold.core.channel;

/** A reply could not be delivered; {@link #retryable()} says whether trying again later can help. */
public class DeliveryException extends Exception {

    private final boolean retryable;

    private DeliveryException(String reason, boolean retryable, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
    }

    /** A timeout, a 429 or a 5xx: the same reply may go through later. */
    public static DeliveryException transientFailure(String reason) {
        return new DeliveryException(reason, true, null);
    }

    public static DeliveryException transientFailure(String reason, Throwable cause) {
        return new DeliveryException(reason, true, cause);
    }

    /** An invalid or unsubscribed address, a refused message: retrying changes nothing. */
    public static DeliveryException permanentFailure(String reason) {
        return new DeliveryException(reason, false, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
