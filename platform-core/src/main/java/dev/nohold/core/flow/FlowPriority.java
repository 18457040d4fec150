package dev.nohold.core.flow;

import java.util.Locale;
import java.util.Optional;

/**
 * A flow's {@code set: priority:} in the dispatcher's terms: {@code low}, {@code normal}, {@code high} or
 * {@code urgent} (-1 to 2), or a whole number for finer grades. A request of higher priority is taken before one of
 * lower priority that waited longer; requests sent back to the line still go first.
 */
final class FlowPriority {

    /** The collected value that sets it. */
    static final String NAME = "priority";

    private FlowPriority() {
    }

    static Optional<Integer> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "low" -> Optional.of(-1);
            case "normal" -> Optional.of(0);
            case "high" -> Optional.of(1);
            case "urgent" -> Optional.of(2);
            default -> {
                try {
                    int grade = Integer.parseInt(value.strip());
                    yield grade >= -100 && grade <= 100 ? Optional.of(grade) : Optional.empty();
                } catch (NumberFormatException e) {
                    yield Optional.empty();
                }
            }
        };
    }
}
