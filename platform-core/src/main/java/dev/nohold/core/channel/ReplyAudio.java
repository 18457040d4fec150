package dev.nohold.core.channel;

/** An agent's recorded reply, for a channel that plays it to the customer. */
public record ReplyAudio(byte[] bytes, String mediaType) {
}
