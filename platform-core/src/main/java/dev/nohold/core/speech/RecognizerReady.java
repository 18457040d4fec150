package dev.nohold.core.speech;

/** Fired once the speech engine has loaded (or failed to): recordings waiting for it can be taken up. */
public record RecognizerReady(String description) {
}
