package dev.nohold.channel.sms;

import dev.nohold.core.Refusal;
import jakarta.ws.rs.core.MultivaluedMap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One text as Twilio's webhook posts it, with the fields this channel uses. */
public record InboundSms(String messageSid, String from, String to, String body) {

    /** Reads Twilio's form fields; a missing MessageSid, From or Body is the caller's mistake. */
    public static InboundSms of(MultivaluedMap<String, String> form) {
        String sid = required(form, "MessageSid");
        String from = required(form, "From");
        String body = form.getFirst("Body");
        if (body == null) {
            throw Refusal.badInput("The field Body is missing; Twilio always sends it, even empty");
        }
        return new InboundSms(sid, from, form.getFirst("To"), body);
    }

    /** A hash of what was said, so a reused MessageSid with other content is told from an honest retry. */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((from + "\n" + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
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
