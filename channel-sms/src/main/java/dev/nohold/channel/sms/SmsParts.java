package dev.nohold.channel.sms;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an answer into messages Twilio accepts (at most {@value #MAX_MESSAGE} characters each; Twilio itself splits
 * a message into carrier segments and the phone joins them again). Cuts fall after a paragraph or sentence where one
 * is close enough, else between words, and never inside a character; several parts are numbered "(1/3)" because
 * carriers do not promise to deliver separate messages in order.
 */
final class SmsParts {

    static final int MAX_MESSAGE = 1600;
    private static final int NUMBERING_ROOM = 10;

    private SmsParts() {
    }

    static List<String> split(String text) {
        return split(text, MAX_MESSAGE);
    }

    static List<String> split(String text, int max) {
        String rest = text.strip();
        if (rest.length() <= max) {
            return List.of(rest);
        }
        List<String> parts = new ArrayList<>();
        int room = max - NUMBERING_ROOM;
        while (rest.length() > room) {
            int cut = cutPoint(rest, room);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        List<String> numbered = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            numbered.add(parts.get(i) + " (" + (i + 1) + "/" + parts.size() + ")");
        }
        return numbered;
    }

    /** Where to end a part of at most {@code room} characters: the best boundary in its last half. */
    private static int cutPoint(String text, int room) {
        int floor = room / 2;
        int paragraph = text.lastIndexOf('\n', room);
        if (paragraph >= floor) {
            return paragraph + 1;
        }
        for (int i = room - 1; i >= floor; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        for (int i = room; i >= floor; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return Character.isHighSurrogate(text.charAt(room - 1)) ? room - 1 : room;
    }
}
