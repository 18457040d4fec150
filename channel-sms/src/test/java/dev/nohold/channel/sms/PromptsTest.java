package dev.nohold.channel.sms;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a texter reads: the configured prompt with its values, never a gap where a value was empty. */
class PromptsTest {

    @Test
    void aWaitLeftEmptyLeavesNoGapInTheAcknowledgement() {
        assertEquals("Thanks, we have your request R7K2. We will text you back.",
                Prompts.fill("Thanks, we have your request {reference}. {wait} We will text you back.",
                        Map.of("reference", "R7K2", "wait", "")));
    }

    @Test
    void aPlaceholderWithoutAValueStaysAsWrittenAndSpacesInsideAValueAreKeptSingle() {
        assertEquals("Reply {code} to confirm, or call us at 555 0100.",
                Prompts.fill("Reply {code} to confirm, or call us at {number}.", Map.of("number", "555  0100")));
    }
}
