package dev.nohold.channel.sms;

import dev.nohold.core.Refusal;
import jakarta.ws.rs.core.MultivaluedMap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One text (or MMS) as Twilio's webhook posts it, with the fields this channel uses. */
public record InboundSms(String messageSid, String from, String to, String body, List<Media> media) {

    /** Twilio sends at most ten media with one message. */
    static final int MAX_MEDIA = 10;

    /** One media of an MMS: where Twilio holds it ({@code MediaUrlN}) and its type ({@code MediaContentTypeN}). */
    public record Media(String url, String contentType) {
        public boolean audio() {
            return contentType.startsWith("audio/");
        }
    }

    public InboundSms {
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** Reads Twilio's form fields; a missing MessageSid, From or Body is the caller's mistake. */
    public static InboundSms of(MultivaluedMap<String, String> form) {
        String sid = required(form, "MessageSid");
        String from = required(form, "From");
        String body = form.getFirst("Body");
        if (body == null) {
            throw Refusal.badInput("The field Body is missing; Twilio always sends it, even empty");
        }
        return new InboundSms(sid, from, form.getFirst("To"), body, media(form));
    }

    /** The first voice message of an MMS, if it carries one. */
    public Optional<Media> voiceMessage() {
        if (media.isEmpty()) {
            return Optional.empty();
        }
        return media.stream().filter(Media::audio).findFirst();
    }

    /** The media of an MMS other than its voice message: pictures, videos, contact cards. */
    public List<Media> otherMedia() {
        if (media.isEmpty()) {
            return List.of();
        }
        Optional<Media> voice = voiceMessage();
        return media.stream().filter(item -> voice.isEmpty() || item != voice.get()).toList();
    }

    /** A hash of what was said, so a reused MessageSid with other content is told from an honest retry. */
    public String fingerprint() {
        StringBuilder said = new StringBuilder(from).append('\n').append(body);
        media.forEach(item -> said.append('\n').append(item.url()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(said.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static List<Media> media(MultivaluedMap<String, String> form) {
        int count;
        try {
            count = Integer.parseInt(Optional.ofNullable(form.getFirst("NumMedia")).orElse("0").strip());
        } catch (NumberFormatException e) {
            throw Refusal.badInput("The field NumMedia is not a number");
        }
        if (count < 0 || count > MAX_MEDIA) {
            throw Refusal.badInput("The field NumMedia is " + count + "; Twilio sends 0 to " + MAX_MEDIA);
        }
        List<Media> media = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String url = form.getFirst("MediaUrl" + i);
            if (url == null || url.isBlank()) {
                throw Refusal.badInput("The field MediaUrl" + i + " is missing; NumMedia says " + count);
            }
            String type = Optional.ofNullable(form.getFirst("MediaContentType" + i)).orElse("")
                    .strip().toLowerCase(Locale.ROOT);
            media.add(new Media(url.strip(), type));
        }
        return media;
    }

    private static String required(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        if (value == null || value.isBlank()) {
            throw Refusal.badInput("The field " + field + " is missing; this webhook takes Twilio's incoming SMS");
        }
        if (value.length() > 64) {
            throw Refusal.badInput("The field " + field + " is longer than Twilio ever sends it");
        }
        return value.strip();
    }
}
