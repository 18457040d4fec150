package dev.nohold.core.api;

/** An agent's text answer. */
public record ReplyInput(String text) {
}
