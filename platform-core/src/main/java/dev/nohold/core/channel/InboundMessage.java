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

    public InboundMessage(String channel, String from, String text, byte[] audio, String audioType,
                          String providerMessageId, String fingerprint, String language, String requiredSkill,
                          Map<String, String> attributes) {
        this(channel, from, text, audio, audioType, providerMessageId, fingerprint, language, requiredSkill,
                attributes, false, false);
    }

    public InboundMessage(String channel, String from, String text, byte[] audio, String audioType,
                          String providerMessageId, String fingerprint, String language, String requiredSkill,
                          Map<String, String> attributes, boolean audioToFollow) {
        this(channel, from, text, audio, audioType, providerMessageId, fingerprint, language, requiredSkill,
                attributes, audioToFollow, false);
    }

    /** The customer's audio exists but is fetched after intake (a call recording): see {@link #audioToFollow}. */
    public InboundMessage withAudioToFollow() {
        return new InboundMessage(channel, from, text, audio, audioType, providerMessageId, fingerprint, language,
                requiredSkill, attributes, true, ownRequest);
    }

    public static InboundMessage text(String channel, String from, String text) {
        return new InboundMessage(channel, from, text, null, null, null, null, null, null, Map.of());
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
}
