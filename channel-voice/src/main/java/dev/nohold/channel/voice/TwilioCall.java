package dev.nohold.channel.voice;

import dev.nohold.core.Refusal;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Locale;
import java.util.Set;

/** The fields of a Twilio voice webhook the channel reads; every one arrives form-encoded. */
public record TwilioCall(String callSid, String from, String to, String recordingSid, String recordingUrl,
                         int recordingSeconds) {

    private static final Set<String> WITHHELD = Set.of("anonymous", "restricted", "unknown",
            "unavailable", "blocked", "+266696687", "+86282452253", "+7378742833", "+2562533");

    public static TwilioCall of(MultivaluedMap<String, String> form) {
        String callSid = trimmed(form.getFirst("CallSid"));
        if (callSid == null) {
            throw Refusal.badInput("The field CallSid is missing; this webhook takes Twilio's voice calls");
        }
        String from = trimmed(form.getFirst("From"));
        return new TwilioCall(callSid, from == null ? "anonymous" : from, trimmed(form.getFirst("To")),
                trimmed(form.getFirst("RecordingSid")), trimmed(form.getFirst("RecordingUrl")),
                seconds(form.getFirst("RecordingDuration")));
    }

    /**
     * The caller's number is withheld: Twilio sends "anonymous", or the keypad spelling of anonymous, unavailable,
     * restricted or blocked, the same for every such caller.
     */
    public boolean withheld() {
        return WITHHELD.contains(from.toLowerCase(Locale.ROOT));
    }

    public boolean hasRecording() {
        return recordingUrl != null && recordingSeconds != 0;
    }

    private static int seconds(String value) {
        try {
            return value == null || value.isBlank() ? -1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
