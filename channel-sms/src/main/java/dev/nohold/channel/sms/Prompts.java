package dev.nohold.channel.sms;

import java.util.Map;

/**
 * Fills a configured prompt's {@code {placeholders}}; a placeholder with no value stays as written, and the double
 * space an empty value leaves (no wait to tell for a closed request) is closed.
 */
final class Prompts {

    private Prompts() {
    }

    static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return singleSpaced(text).strip();
    }

    /** Runs of spaces as one space (by hand: a regex here ran on every text's acknowledgement). */
    private static String singleSpaced(String text) {
        if (!text.contains("  ")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' || out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
