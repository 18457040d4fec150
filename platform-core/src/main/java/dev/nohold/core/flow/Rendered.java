package dev.nohold.core.flow;

import java.util.List;

/**
 * One turn of a flow as a channel shows it. {@code text} is what the customer reads or hears; {@code quickReplies}
 * are buttons (web chat); {@code voice} is what a voice channel puts in its TwiML, or null on other channels.
 */
public record Rendered(String channel, String text, List<String> quickReplies, VoicePrompt voice) {

    /**
     * What a voice channel does with a turn, channel-neutral: say {@code say}, then, when {@code gather}, listen for
     * keys and speech ({@code <Gather input="dtmf speech">}) with {@code hints} for the recognizer, taking
     * {@code numDigits} keys (0: until #); without gather, hang up or connect after saying it. {@code keysSay} is
     * the same turn worded for a channel that takes keys only (no "or say …"); a free-text question has no keys.
     * {@code wantsWords}: the answer is words keys cannot give (free text, a date, a question for the knowledge base),
     * so a channel that takes keys only must hear it some other way (a recording it transcribes itself); menus,
     * yes/no and numbers are keys.
     */
    public record VoicePrompt(String say, boolean gather, String input, int numDigits, List<String> hints,
                              String keysSay, boolean wantsWords) {

        /** A prompt whose answer keys can give. */
        public VoicePrompt(String say, boolean gather, String input, int numDigits, List<String> hints,
                           String keysSay) {
            this(say, gather, input, numDigits, hints, keysSay, false);
        }
    }
}
