package dev.nohold.core.speech;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioNormalizationRefusesWhatItCannotReadTest {

    private final AudioNormalizer normalizer = new AudioNormalizer(8_000_000, Duration.ofMinutes(10));

    @Test
    void noBytesAtAll() {
        assertReason(new byte[0], "empty");
    }

    @Test
    void aWavWithoutSamples() {
        assertReason(BadAudio.emptyWav(), "holds no sound");
    }

    @Test
    void aHeaderCutShort() {
        assertReason(BadAudio.headerCutShort(), "damaged or cut short");
    }

    @Test
    void aHeaderWithImpossibleFields() {
        assertReason(BadAudio.corruptHeader(), "damaged");
    }

    @Test
    void anEncodingInsideWavThatIsNotTranscribed() {
        assertReason(BadAudio.mp3InWav(), "a WAV file with MPEG (MP3) samples, an encoding that is not transcribed");
    }

    @Test
    void somethingThatIsNotAudio() {
        assertReason(BadAudio.pdf(), "not a recording");
    }

    @Test
    void otherContainersAreNamedInTheReason() {
        assertReason(BadAudio.mp3(), "MP3");
        assertReason(SpeechFixtures.bytes("refused-vorbis.ogg"), "Ogg");
    }

    @Test
    void aSampleRateNoRecorderUses() {
        byte[] samples = new byte[19_000 * 2];
        assertReason(BadAudio.wav(BadAudio.WAVE_FORMAT_PCM, 1, 19_001, 16, samples),
                "claims a sample rate of 19001 Hz, which no recorder uses");
    }

    @Test
    void aRecordingLongerThanTheLimit() {
        assertReason(BadAudio.ulawSilence(10.5), "lasts 10.5 min; recordings longer than 10.0 min");
    }

    @Test
    void aRecordingLargerThanTheLimit() {
        byte[] big = Arrays.copyOf(SpeechFixtures.bytes(SpeechFixtures.TELEPHONE), 8_000_001);
        assertReason(big, "8.0 MB; recordings over 8.0 MB");
    }

    @Test
    void aRecordingCutShortInItsSamplesIsTranscribedWithAWarning() throws UnusableAudio {
        byte[] whole = SpeechFixtures.bytes(SpeechFixtures.TELEPHONE);
        NormalizedAudio half = normalizer.normalize(Arrays.copyOf(whole, whole.length / 2));

        assertEquals(SpeechFixtures.SECONDS / 2, half.seconds(), 0.05);
        assertNotNull(half.warning());
        assertTrue(half.warning().contains("cut short"), half.warning());
    }

    private void assertReason(byte[] recording, String expected) {
        UnusableAudio refused = assertThrows(UnusableAudio.class, () -> normalizer.normalize(recording));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
