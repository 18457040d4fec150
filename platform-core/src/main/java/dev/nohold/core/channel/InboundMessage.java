package dev.nohold.core.channel;

import java.util.Map;
import java.util.Objects;

/**
 * What a customer sent, normalized by its channel: the one shape the core takes in.
 *
 * @param channel           the channel's id
 * @param from              the customer's address on that channel
 * @param text              what they typed (or null for audio only)
 * @param audio             what they said (or null), with its media type
 * @param providerMessageId the provider's id for this message; the same id twice makes one request
 * @param fingerprint       a hash of the provider's payload: the same id with another payload is refused
 * @param attributes        what the channel needs later to answer (callback URL, language, call sid)
 * @param audioToFollow     the audio is still to be fetched: the request is stored RECEIVED and waits for
 *                          {@code Lifecycle.attachAudio} (or {@code queueWithoutAudio}), so nothing is lost if
 *                          the fetch is interrupted
 * @param ownRequest        this message makes a request of its own even when the customer has one open (a live
 *                          call offered to an idle agent at once); otherwise a text from a customer with an open
 *                          request joins it
 */
public record InboundMessage(
        String channel,
        String from,
        String text,
        byte[] audio,
        String audioType,
        String providerMessageId,
        String fingerprint,
        String language,
        String requiredSkill,
        Map<String, String> attributes,
        boolean audioToFollow,
        boolean ownRequest) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The customer's audio exists but is fetched after intake (a call recording): see {@link #audioToFollow}. */
    public InboundMessage withAudioToFollow() {
        return new InboundMessage(channel, from, text, audio, audioType, providerMessageId, fingerprint, language,
                requiredSkill, attributes, true, ownRequest);
    }

    public static InboundMessage text(String channel, String from, String text) {
        return from(channel, from).text(text).build();
    }

    public InboundMessage withProviderMessageId(String id, String payloadFingerprint) {
        return new InboundMessage(channel, from, text, audio, audioType, id, payloadFingerprint, language,
                requiredSkill, attributes, audioToFollow, ownRequest);
    }

    public InboundMessage withAudio(byte[] bytes, String mediaType) {
        return new InboundMessage(channel, from, text, bytes, mediaType, providerMessageId, fingerprint, language,
                requiredSkill, attributes, audioToFollow, ownRequest);
    }

    public InboundMessage withAttributes(Map<String, String> values) {
        return new InboundMessage(channel, from, text, audio, audioType, providerMessageId, fingerprint, language,
                requiredSkill, values, audioToFollow, ownRequest);
    }

    public InboundMessage withRouting(String languageTag, String skill) {
        return new InboundMessage(channel, from, text, audio, audioType, providerMessageId, fingerprint, languageTag,
                skill, attributes, audioToFollow, ownRequest);
    }

    /** See {@link #ownRequest}. */
    public InboundMessage asOwnRequest() {
        return new InboundMessage(channel, from, text, audio, audioType, providerMessageId, fingerprint, language,
                requiredSkill, attributes, audioToFollow, true);
    }

    /**
     * A text a customer with an open (or lately answered) request adds to it. Audio still makes a request of its
     * own: its words are known only after recognition.
     */
    public boolean joinsConversation() {
        return !ownRequest && !hasAudio() && !audioToFollow && text != null && !text.isBlank();
    }

    public boolean hasAudio() {
        return audio != null && audio.length > 0;
    }

    /** A message from {@code from} on {@code channel}, built by name instead of by position. */
    public static Builder from(String channel, String from) {
        return new Builder(channel, from);
    }

    /** Builds an {@link InboundMessage}; only the channel and the sender are required. */
    public static final class Builder {

        private final String channel;
        private final String from;
        private String text;
        private byte[] audio;
        private String audioType;
        private String providerMessageId;
        private String fingerprint;
        private String language;
        private String requiredSkill;
        private Map<String, String> attributes = Map.of();
        private boolean audioToFollow;
        private boolean ownRequest;

        private Builder(String channel, String from) {
            this.channel = channel;
            this.from = from;
        }

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder audio(byte[] bytes, String mediaType) {
            this.audio = bytes;
            this.audioType = mediaType;
            return this;
        }

        /** The recording exists but is fetched after intake: see {@link InboundMessage#audioToFollow}. */
        public Builder audioToFollow() {
            this.audioToFollow = true;
            return this;
        }

        /** The provider's id (the same id twice makes one request) and a hash of what it sent with it. */
        public Builder providerMessageId(String id, String payloadFingerprint) {
            this.providerMessageId = id;
            this.fingerprint = payloadFingerprint;
            return this;
        }

        public Builder language(String tag) {
            this.language = tag;
            return this;
        }

        public Builder requiredSkill(String skill) {
            this.requiredSkill = skill;
            return this;
        }

        public Builder attributes(Map<String, String> values) {
            this.attributes = values;
            return this;
        }

        /** A request of its own even when the customer has one open: see {@link InboundMessage#ownRequest}. */
        public Builder ownRequest() {
            this.ownRequest = true;
            return this;
        }

        public InboundMessage build() {
            return new InboundMessage(channel, from, text, audio, audioType, providerMessageId, fingerprint, language,
                    requiredSkill, attributes, audioToFollow, ownRequest);
        }
    }
}
