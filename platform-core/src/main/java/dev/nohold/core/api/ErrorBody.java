package dev.nohold.core.api;

/** The body of every refused call: what was wrong, in words a person can act on. */
public record ErrorBody(String error) {
}
