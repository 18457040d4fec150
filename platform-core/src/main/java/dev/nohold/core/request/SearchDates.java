package dev.nohold.core.request;

import dev.nohold.core.Refusal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The ends of a search's date range: a date means the whole day (UTC), so "to 2026-12-02" includes that day; an
 * instant with its offset is taken as it is.
 */
final class SearchDates {

    private SearchDates() {
    }

    static Instant start(String value, String name) {
        return parse(value, name, false);
    }

    /** The exclusive end: the day after a date, the instant itself otherwise. */
    static Instant end(String value, String name) {
        return parse(value, name, true);
    }

    private static Instant parse(String value, String name, boolean end) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.badInput(name + " must be a date like 2026-12-02 or an instant like "
                    + "2026-12-02T09:30:00Z, not '" + text + "'");
        }
    }
}
