package dev.nohold.core.speech;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioNormalizationMakes16kHzMonoFromEveryWavTest {

    private final AudioNormalizer normalizer = new AudioNormalizer(64_000_000, Duration.ofMinutes(10));

    @ParameterizedTest
    @FieldSource("dev.nohold.core.speech.SpeechFixtures#WAV_FORMATS")
    void everyFormatBecomesTheSameLengthOf16kHzMonoPcm(String fixture) throws UnusableAudio {
        NormalizedAudio audio = normalizer.normalize(SpeechFixtures.bytes(fixture));

        assertEquals(SpeechFixtures.SECONDS, audio.seconds(), 0.02, "length of " + fixture + " at 16 kHz mono");
        assertEquals(0, audio.pcm().length % 2, "whole 16-bit samples");
        assertTrue(peak(audio.pcm()) > 3_000, "the voice survives decoding: peak " + peak(audio.pcm()));
        assertNull(audio.warning());
    }

    @ParameterizedTest
    @FieldSource("dev.nohold.core.speech.SpeechFixtures#WAV_FORMATS")
    void theTimelineSaysWhatTheRecordingWas(String fixture) throws UnusableAudio {
        String[] parts = fixture.replace(".wav", "").split("-");
        String rate = switch (parts[1]) {
            case "8000" -> "8 kHz";
            case "11025" -> "11.025 kHz";
            case "16000" -> "16 kHz";
            case "22050" -> "22.05 kHz";
            case "44100" -> "44.1 kHz";
            default -> "48 kHz";
        };
        String encoding = switch (parts[0]) {
            case "ulaw" -> "μ-law";
            case "alaw" -> "A-law";
            default -> "16-bit PCM";
        };

        assertEquals(rate + " " + encoding + " " + parts[2] + " WAV",
                normalizer.normalize(SpeechFixtures.bytes(fixture)).source());
    }

    private static int peak(byte[] pcm) {
        int peak = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8))));
        }
        return peak;
    }
}
