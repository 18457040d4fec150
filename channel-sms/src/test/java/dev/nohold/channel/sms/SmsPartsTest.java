package dev.nohold.channel.sms;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmsPartsTest {

    @Test
    void anAnswerThatFitsGoesOutAsItIs() {
        assertEquals(List.of("Your parcel ships today."), SmsParts.split("  Your parcel ships today.\n"));
        String exactlyFull = "a".repeat(SmsParts.MAX_MESSAGE);
        assertEquals(List.of(exactlyFull), SmsParts.split(exactlyFull));
    }

    @Test
    void aLongAnswerIsCutAfterSentencesAndNumberedWithNothingLost() {
        String text = "First sentence is here. Second one follows! Is this the third? Yes it is.";
        List<String> parts = SmsParts.split(text, 50);
        assertEquals(List.of("First sentence is here. (1/3)", "Second one follows! Is this the third? (2/3)",
                "Yes it is. (3/3)"), parts);
        parts.forEach(part -> assertTrue(part.length() <= 50, part));
    }

    @Test
    void withoutSentencesTheCutFallsBetweenWordsAndNeverSplitsACharacter() {
        String words = "word ".repeat(30).strip();
        List<String> parts = SmsParts.split(words, 60);
        parts.forEach(part -> assertTrue(part.length() <= 60, part));
        parts.forEach(part -> assertTrue(part.matches("(word ?)+ \\(\\d/\\d\\)"), "whole words: " + part));
        String joined = String.join(" ", parts.stream().map(p -> p.replaceAll(" \\(\\d/\\d\\)$", "")).toList());
        assertEquals(words, joined);

        String emoji = "\uD83D\uDE00".repeat(40);
        for (String part : SmsParts.split(emoji, 31)) {
            String body = part.replaceAll(" \\(\\d+/\\d+\\)$", "");
            assertTrue(body.codePoints().allMatch(cp -> cp == 0x1F600), "no half emoji in " + part);
        }
    }
}
