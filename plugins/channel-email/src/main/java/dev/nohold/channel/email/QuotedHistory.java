package dev.nohold.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the customer wrote this time, without the conversation their mail program quoted below it or their
 * signature: the agent reads the new words, and the earlier ones are already in the request.
 */
final class QuotedHistory {

    /** "On Tue, 1 Dec 2026 at 10:00, Ada &lt;ada@…&gt; wrote:", possibly wrapped over two lines. */
    private static final Pattern ATTRIBUTION = Pattern.compile("^\\s*On\\b.{0,300}\\bwrote:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern OUTLOOK = Pattern.compile(
            "^\\s*(-{2,}\\s*Original Message\\s*-{2,}|_{20,})\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENT_FROM = Pattern.compile("^\\s*Sent from my \\w+.*$", Pattern.CASE_INSENSITIVE);

    private QuotedHistory() {
    }

    static String strip(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean wrappedAttribution = i + 1 < lines.length
                    && ATTRIBUTION.matcher(line + " " + lines[i + 1]).matches() && !line.strip().isEmpty();
            if (line.equals("-- ") || line.equals("--") || OUTLOOK.matcher(line).matches()
                    || ATTRIBUTION.matcher(line).matches() || wrappedAttribution || SENT_FROM.matcher(line).matches()) {
                break;
            }
            if (!line.startsWith(">")) {
                kept.add(line);
            }
        }
        return String.join("\n", kept).strip().replaceAll("\n{3,}", "\n\n");
    }
}
