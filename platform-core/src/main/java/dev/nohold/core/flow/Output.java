package dev.nohold.core.flow;

import java.util.List;

/**
 * One thing the flow tells the customer, before any channel's form: a text, a menu with its choices, or a question
 * with the kind of answer it takes. A renderer per channel turns these into what the channel shows.
 */
public record Output(Type type, String text, List<Step.Choice> choices, Step.AskKind expects) {

    public enum Type { SAY, MENU, QUESTION }

    public static Output say(String text) {
        return new Output(Type.SAY, text, List.of(), null);
    }

    public static Output menu(String text, List<Step.Choice> choices) {
        return new Output(Type.MENU, text, choices, null);
    }

    public static Output question(String text, Step.AskKind expects) {
        return new Output(Type.QUESTION, text, List.of(), expects);
    }
}
