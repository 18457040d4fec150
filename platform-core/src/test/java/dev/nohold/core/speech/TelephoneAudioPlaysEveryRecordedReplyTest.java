package dev.nohold.core.speech;

import dev.nohold.core.channel.ReplyAudio;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TelephoneAudioPlaysEveryRecordedReplyTest {

    private final AudioNormalizer normalizer = new AudioNormalizer(8_000_000, Duration.ofMinutes(10),
            CompressedAudioDecoder.bundled(Duration.ofSeconds(30), Duration.ofMinutes(10), 1));
    private final TelephoneAudio telephone = new TelephoneAudio(normalizer);

    @Test
    void aBrowsersWebmReplyBecomesA16kHzWavOfTheSameLength() throws UnusableAudio {
        ReplyAudio played = telephone.playable(new ReplyAudio(SpeechFixtures.bytes("compressed/chrome-opus.webm"),
                "audio/webm"));

        assertEquals("audio/wav", played.mediaType());
        NormalizedAudio heard = new AudioNormalizer(8_000_000, Duration.ofMinutes(10)).normalize(played.bytes());
        assertEquals("16 kHz 16-bit PCM mono WAV", heard.source());
        assertEquals(SpeechFixtures.SECONDS, heard.seconds(), 0.08);
    }

    @Test
    void wavAndMp3AreSentAsRecorded() {
        ReplyAudio wav = new ReplyAudio(SpeechFixtures.bytes(SpeechFixtures.TELEPHONE), "audio/wav");
        ReplyAudio mp3 = new ReplyAudio(SpeechFixtures.bytes("compressed/stereo.mp3"), "audio/mpeg");

        assertSame(wav, telephone.playable(wav));
        assertSame(mp3, telephone.playable(mp3));
    }

    @Test
    void aReplyThatCannotBeDecodedIsSentAsItIs() {
        byte[] broken = SpeechFixtures.bytes("compressed/truncated-opus.ogg");

        assertArrayEquals(broken, telephone.playable(new ReplyAudio(broken, "audio/ogg")).bytes());
    }
}
