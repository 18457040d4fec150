package dev.nohold.core.api;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A Range header is read as RFC 9110 says; what cannot be honoured as one range means the whole item. */
class ByteRangeTest {

    @Test
    void aRangeIsClampedToTheItem() {
        assertEquals(Optional.of(new ByteRange(0, 99)), ByteRange.of("bytes=0-499", 100).range());
        assertEquals(Optional.of(new ByteRange(90, 99)), ByteRange.of("bytes=-10", 100).range());
        assertEquals(Optional.of(new ByteRange(0, 99)), ByteRange.of("bytes=-500", 100).range());
        assertEquals(Optional.of(new ByteRange(42, 99)), ByteRange.of("bytes=42-", 100).range());
    }

    @Test
    void aRangeWhollyOutsideTheItemCannotBeSatisfied() {
        assertFalse(ByteRange.of("bytes=100-", 100).satisfiable());
        assertFalse(ByteRange.of("bytes=-0", 100).satisfiable());
        assertFalse(ByteRange.of("bytes=-5", 0).satisfiable());
    }

    @Test
    void severalRangesOtherUnitsAndNonsenseMeanTheWholeItem() {
        for (String header : new String[] {null, "bytes=0-1,5-6", "items=0-1", "bytes=5-2", "bytes=-", "bytes=x-1",
                "bytes=99999999999999999999-"}) {
            ByteRange.Asked asked = ByteRange.of(header, 100);
            assertEquals(ByteRange.Asked.WHOLE, asked, String.valueOf(header));
        }
    }
}
