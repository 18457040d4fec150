package dev.nohold.core.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a conversation stands in its flow, all of it plain values so it is stored as is and taken up by any node:
 * the current step and whether it waits there for the customer ({@code phase}: "input", or for an answer step
 * "question" or "confirm"; null when it does not wait), the values collected, failed attempts at this step, the
 * transcript both ways, notes for the agent, and the outcome once it is over. It never changes: a turn makes a new one.
 */
public record ConversationState(String step, String phase, Map<String, String> collected, int attempts,
                                List<Line> transcript, List<String> notes, Outcome outcome) {

    /** One line of the transcript: who said it ("customer" or "bot") and what. */
    public record Line(String by, String text) {
    }

    public ConversationState {
        collected = Collections.unmodifiableMap(collected == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(collected));
        transcript = Collections.unmodifiableList(transcript == null ? new ArrayList<>() : new ArrayList<>(transcript));
        notes = Collections.unmodifiableList(notes == null ? new ArrayList<>() : new ArrayList<>(notes));
        outcome = outcome == null ? Outcome.WAITING : outcome;
    }

    public static ConversationState start() {
        return new ConversationState(null, null, null, 0, null, null, Outcome.WAITING);
    }

    public boolean started() {
        return step != null;
    }

    /** What the customer said, in order: the request's text when the conversation is handed to an agent. */
    public List<String> customerSaid() {
        return transcript.stream().filter(line -> "customer".equals(line.by())).map(Line::text).toList();
    }
}
