package dev.nohold.channel.sms;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The words a texter sends to steer the conversation rather than to ask something. A keyword is the whole message
 * (case, surrounding blanks and a final full stop or exclamation mark ignored): "Stop." is STOP, "stop texting me
 * about my order" is a question.
 */
enum Keyword {
    /** Carrier opt-out words; CANCEL is not among them here because it withdraws a request on this line. */
    STOP(Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "OPTOUT", "REVOKE")),
    START(Set.of("START", "UNSTOP")),
    HELP(Set.of("HELP", "INFO")),
    STATUS(Set.of("STATUS")),
    CANCEL(Set.of("CANCEL"));

    /** The longest keyword's length (upper-casing never makes a text shorter). */
    private static final int LONGEST = Arrays.stream(values())
            .flatMap(keyword -> keyword.words.stream()).mapToInt(String::length).max().orElse(0);

    private final Set<String> words;

    Keyword(Set<String> words) {
        this.words = words;
    }

    static Optional<Keyword> of(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String said = body.strip();
        int end = said.length();
        while (end > 0 && (said.charAt(end - 1) == '.' || said.charAt(end - 1) == '!')) {
            end--;
        }
        if (end > LONGEST) {
            // A question, as nearly every text is: not upper-cased and looked up on every webhook.
            return Optional.empty();
        }
        String word = said.substring(0, end).toUpperCase(Locale.ROOT);
        for (Keyword keyword : values()) {
            if (keyword.words.contains(word)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }
}
