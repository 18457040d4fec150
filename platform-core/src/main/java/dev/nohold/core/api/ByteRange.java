package dev.nohold.core.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an item, from an HTTP {@code Range} header (RFC 9110 §14): {@code bytes=a-b}, {@code bytes=a-}
 * or {@code bytes=-n}. Several ranges, other units and malformed headers are ignored, as the RFC allows, and the
 * whole item is sent: an {@code <audio>} element only ever asks for one.
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** What a {@code Range} header asks of an item of {@code size} bytes. */
    static Asked of(String header, long size) {
        if (header == null) {
            return Asked.WHOLE;
        }
        Matcher single = SINGLE.matcher(header.strip());
        if (!single.matches() || single.group(1).isEmpty() && single.group(2).isEmpty()) {
            return Asked.WHOLE;
        }
        try {
            if (single.group(1).isEmpty()) {
                long suffix = Long.parseLong(single.group(2));
                return suffix == 0 || size == 0 ? Asked.UNSATISFIABLE
                        : Asked.range(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(single.group(1));
            long last = single.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(single.group(2));
            if (last < first) {
                return Asked.WHOLE;
            }
            return first >= size ? Asked.UNSATISFIABLE : Asked.range(new ByteRange(first, Math.min(last, size - 1)));
        } catch (NumberFormatException tooLong) {
            return Asked.WHOLE;
        }
    }

    /** The whole item, one range of it, or a range outside it (416). */
    record Asked(Optional<ByteRange> range, boolean satisfiable) {

        static final Asked WHOLE = new Asked(Optional.empty(), true);
        static final Asked UNSATISFIABLE = new Asked(Optional.empty(), false);

        static Asked range(ByteRange range) {
            return new Asked(Optional.of(range), true);
        }
    }
}
