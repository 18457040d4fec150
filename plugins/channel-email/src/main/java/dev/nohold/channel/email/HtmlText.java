package dev.nohold.channel.email;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of an HTML mail as plain text, for a mail that has no text part: blocks become lines, quoted history
 * (a {@code <blockquote>}, Gmail's quote) and anything not shown (scripts, styles, the head) is left out, and
 * character references are decoded. Agents see text only, so nothing of the HTML survives.
 */
final class HtmlText {

    private static final Pattern HIDDEN = Pattern.compile(
            "(?is)<(head|script|style|blockquote|title)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern GMAIL_QUOTE = Pattern.compile("(?is)<div[^>]*class=\"[^\"]*gmail_quote.*");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6])\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);");

    private HtmlText() {
    }

    static String of(String html) {
        String text = HIDDEN.matcher(html).replaceAll("");
        text = GMAIL_QUOTE.matcher(text).replaceAll("");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decode(text);
        return text.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").replaceAll(" *\n *", "\n")
                .replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String decode(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(character(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String character(String name, String whole) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return whole;
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> whole;
        };
    }
}
