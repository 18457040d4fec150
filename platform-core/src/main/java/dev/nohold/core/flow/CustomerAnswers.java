package dev.nohold.core.flow;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what a customer answered a waiting step, the same on every channel: the menu choice their digit, label or
 * words pick; a value of an ask step's kind (text, a number also said digit by digit, yes or no, a date as people
 * write it), checked against its pattern.
 */
final class CustomerAnswers {

    private static final Set<String> YES = Set.of("yes", "y", "yeah", "yep", "ok", "okay", "sure", "1", "ja", "si",
            "oui", "correct", "it did", "yes it did", "thanks", "thank you");
    private static final Set<String> NO = Set.of("no", "n", "nope", "not really", "2", "nein", "non", "it did not",
            "no it did not", "didn't", "did not");
    private static final List<String> DIGIT_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d-M-uuuu"));

    private CustomerAnswers() {
    }

    static List<String> words(String text) {
        return List.of(WORD_SPLIT.split(text.toLowerCase(Locale.ROOT).strip()));
    }

    /** The choice a customer's words pick: its digit, its label, or one of its keywords. */
    static Optional<Step.Choice> choose(List<Step.Choice> choices, String input) {
        String said = input.toLowerCase(Locale.ROOT).strip();
        List<String> words = words(said);
        for (Step.Choice choice : choices) {
            if (choice.digit() != null && (said.equals(choice.digit()) || said.equals(choice.digit() + "."))) {
                return Optional.of(choice);
            }
        }
        for (Step.Choice choice : choices) {
            if (said.equals(choice.label().toLowerCase(Locale.ROOT))) {
                return Optional.of(choice);
            }
        }
        for (Step.Choice choice : choices) {
            for (String keyword : choice.keywords()) {
                if (keyword.contains(" ") ? said.contains(keyword) : words.contains(keyword)) {
                    return Optional.of(choice);
                }
            }
        }
        return Optional.empty();
    }

    /** The value an ask step takes from what the customer said, normalized for its kind, or empty when unusable. */
    static Optional<String> valueOf(Step step, String input) {
        String said = input.strip();
        Optional<String> value = switch (step.askKind()) {
            case TEXT -> said.isEmpty() ? Optional.empty() : Optional.of(said);
            case NUMBER -> {
                String digits = spokenDigits(said).replaceAll("[\\s-]", "");
                yield digits.matches("[0-9]+([.,][0-9]+)?") ? Optional.of(digits.replace(',', '.'))
                        : Optional.empty();
            }
            case YES_NO -> yesNo(said);
            case DATE -> date(said);
        };
        if (value.isPresent() && step.pattern() != null && !value.get().matches(step.pattern())) {
            return Optional.empty();
        }
        return value;
    }

    /** "one two three" as a caller's speech gives it becomes "1 2 3"; anything else is left as it was. */
    static String spokenDigits(String said) {
        if (!said.chars().anyMatch(Character::isLetter)) {
            return said;
        }
        String[] words = said.toLowerCase(Locale.ROOT).split("[\\s,-]+");
        StringBuilder digits = new StringBuilder();
        for (String word : words) {
            int digit = DIGIT_WORDS.indexOf(word);
            if (word.equals("oh")) {
                digit = 0;
            }
            if (digit >= 0) {
                digits.append(digit);
            } else if (word.matches("[0-9]+")) {
                digits.append(word);
            } else {
                return said;
            }
        }
        return digits.toString();
    }

    static Optional<String> yesNo(String input) {
        String said = String.join(" ", words(input));
        if (YES.contains(said)) {
            return Optional.of("yes");
        }
        if (NO.contains(said)) {
            return Optional.of("no");
        }
        return Optional.empty();
    }

    private static Optional<String> date(String input) {
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(input, format).toString());
            } catch (DateTimeParseException e) {
                // the next form may read it
            }
        }
        return Optional.empty();
    }
}
