package dev.nohold.channel.sms;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fills a configured prompt's {@code {placeholders}}; a placeholder with no value stays as written, and the double
 * space an empty value leaves (no wait to tell for a closed request) is closed.
 */
final class Prompts {

    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private Prompts() {
    }

    static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
