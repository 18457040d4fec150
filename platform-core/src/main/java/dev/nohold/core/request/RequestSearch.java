package dev.nohold.core.request;

/**
 * What to look for among requests; every part is optional (null or blank: no filter). {@code words} are searched in
 * what the customer wrote or said, as a person types them into a search box ({@code websearch_to_tsquery}: quoted
 * phrases, {@code or}, {@code -word}), or match a reference; {@code customer} is a customer's id or part of one of
 * their addresses; {@code from} and {@code to} are ISO dates (whole days, UTC) or instants, the end exclusive for
 * an instant and inclusive for a date.
 */
public record RequestSearch(String words, String customer, String channel, String status, String from, String to) {

    public static RequestSearch byStatusAndChannel(String status, String channel) {
        return new RequestSearch(null, null, channel, status, null, null);
    }
}
