package dev.nohold.channel.webchat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message of a browser's conversation as the chat shows it, numbered per browser ({@code seq}), so a page that
 * reconnects asks for what came after the last one it saw.
 *
 * @param kind       who speaks: {@link #CUSTOMER}, {@link #AGENT}, {@link #NOTICE} (the platform: a reference, a
 *                   limit), {@link #TRANSCRIPT} (the words of a voice note) or {@link #ENDED}
 * @param audioType  the media type of a voice note or a recorded answer, or null for text
 * @param clientId   the page's own id for what the customer sent, so a resent message is stored once
 * @param deliveryId the core's delivery an agent's answer came with, or null
 * @param choices    a {@link #BOT} line's quick replies (each sent as the customer's words when clicked); empty otherwise
 */
public record ChatLine(UUID id, long seq, UUID requestId, String kind, String text, String audioType,
                       String clientId, UUID deliveryId, String by, Instant at, List<String> choices) {

    public ChatLine {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static final String CUSTOMER = "customer";
    public static final String AGENT = "agent";
    public static final String NOTICE = "notice";
    public static final String TRANSCRIPT = "transcript";
    public static final String ENDED = "ended";
    /** The platform's conversation flow speaking (a greeting, an automatic answer, a question with quick replies). */
    public static final String BOT = "bot";

    /** A line not yet stored: the store numbers it. */
    public static ChatLine of(UUID requestId, String kind, String text) {
        return new ChatLine(UUID.randomUUID(), 0, requestId, kind, text, null, null, null, null, null, List.of());
    }

    public ChatLine withAudio(String mediaType) {
        return new ChatLine(id, seq, requestId, kind, text, mediaType, clientId, deliveryId, by, at, choices);
    }

    public ChatLine from(String clientMessageId) {
        return new ChatLine(id, seq, requestId, kind, text, audioType, clientMessageId, deliveryId, by, at, choices);
    }

    public ChatLine answering(UUID delivery, String agent) {
        return new ChatLine(id, seq, requestId, kind, text, audioType, clientId, delivery, agent, at, choices);
    }

    public ChatLine offering(List<String> quickReplies) {
        return new ChatLine(id, seq, requestId, kind, text, audioType, clientId, deliveryId, by, at, quickReplies);
    }

    public ChatLine by(String name) {
        return new ChatLine(id, seq, requestId, kind, text, audioType, clientId, deliveryId, name, at, choices);
    }
}
