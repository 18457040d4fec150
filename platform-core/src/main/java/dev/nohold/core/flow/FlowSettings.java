package dev.nohold.core.flow;

import java.time.Duration;

/**
 * A flow's own settings: how confident the knowledge base must be before the bot answers by itself, how long a
 * customer may stay quiet before they are reminded (once), and what happens when they stay quiet as long again.
 */
public record FlowSettings(double knowledgeThreshold, Duration quietAfter, WhenQuiet whenQuiet, String reminder,
                           String quietEnding, String language) {

    public static final double DEFAULT_THRESHOLD = 0.6;

    /** What a conversation becomes when the customer stays quiet after the reminder. */
    public enum WhenQuiet {
        /** It ends; counted as abandoned at the step where it stopped. */
        END,
        /** It becomes a request with everything collected, for an agent to take up. */
        REQUEST
    }

    public static FlowSettings defaults() {
        return new FlowSettings(DEFAULT_THRESHOLD, Duration.ofMinutes(10), WhenQuiet.END,
                "Are you still there? Just answer here to carry on.",
                "We have closed this conversation. Write again whenever you like.", null);
    }
}
