package dev.nohold.core.speech;

/**
 * A recording that cannot be transcribed, with the reason in words an agent understands. The request keeps the
 * recording and is queued all the same, so this is an outcome, not an error.
 */
public class UnusableAudio extends Exception {

    public UnusableAudio(String reason) {
        super(reason);
    }

    public UnusableAudio(String reason, Throwable cause) {
        super(reason, cause);
    }
}
