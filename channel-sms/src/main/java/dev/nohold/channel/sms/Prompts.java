package dev.nohold.channel.sms;

import java.util.Map;

/** Fills a configured prompt's {@code {placeholders}}; a placeholder with no value stays as written. */
final class Prompts {

    private Prompts() {
    }

    static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text.strip();
    }
}
