package dev.nohold.twilio;

import java.util.Map;

/**
 * Twilio's error codes in words an agent can act on. Twilio's own message follows, so a code missing here is still
 * explained; the list holds the ones a help line meets when texting customers.
 */
public final class TwilioErrors {

    /** The recipient texted STOP to our number: Twilio refuses to send to them until they text START. */
    public static final int UNSUBSCRIBED = 21610;

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(21211, "the customer's number is not a valid phone number"),
            Map.entry(21408, "the Twilio account may not send to this country or region"),
            Map.entry(21612, "Twilio cannot send from our number to this one"),
            Map.entry(21614, "the customer's number cannot receive SMS (a landline?)"),
            Map.entry(UNSUBSCRIBED, "the customer unsubscribed (texted STOP); they must text START first"),
            Map.entry(30003, "the customer's phone is unreachable (off or out of coverage)"),
            Map.entry(30004, "the message was blocked by the customer or their carrier"),
            Map.entry(30005, "the customer's number is unknown or no longer in service"),
            Map.entry(30006, "the number is a landline or its carrier cannot take SMS"),
            Map.entry(30007, "the carrier filtered the message as spam"),
            Map.entry(30008, "the carrier failed with an unknown error"));

    private TwilioErrors() {
    }

    /** "Twilio error 21211: the customer's number is not a valid phone number (Twilio: …)". */
    public static String describe(Integer code, String twilioMessage) {
        StringBuilder text = new StringBuilder("Twilio error ").append(code == null ? "(no code)" : code);
        String meaning = code == null ? null : MEANINGS.get(code);
        if (meaning != null) {
            text.append(": ").append(meaning);
        }
        if (twilioMessage != null && !twilioMessage.isBlank()) {
            text.append(meaning == null ? ": " : " (Twilio: ").append(twilioMessage.strip())
                    .append(meaning == null ? "" : ")");
        }
        return text.toString();
    }
}
