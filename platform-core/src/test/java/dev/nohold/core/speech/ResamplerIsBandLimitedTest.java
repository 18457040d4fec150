package dev.nohold.core.speech;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resampler's frequency response, measured on pure tones: images and aliases stay out, the voice band stays flat. */
class ResamplerIsBandLimitedTest {

    private static final double AMPLITUDE = 10_000;

    @Test
    void theImageOfA3kHzToneAt8kHzStaysAtLeast60dBDownAfterUpsampling() {
        short[] output = Resampler.from(8_000).resample(tone(3_000, 8_000, 1.0));

        double tone = level(output, 3_000, 16_000);
        double image = level(output, 5_000, 16_000);

        assertEquals(0, decibels(tone / AMPLITUDE), 0.1, "the tone keeps its level");
        assertTrue(decibels(image / tone) <= -60, "image at 5 kHz is " + decibels(image / tone) + " dB");
    }

    @Test
    void thePassbandOfTelephoneAudioIsFlatWithinATenthOfADecibel() {
        Resampler resampler = Resampler.from(8_000);
        for (int frequency = 100; frequency <= 3_400; frequency += 100) {
            short[] output = resampler.resample(tone(frequency, 8_000, 1.0));
            double gain = decibels(level(output, frequency, 16_000) / AMPLITUDE);
            assertEquals(0, gain, 0.1, frequency + " Hz");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000})
    void everyRateThePlatformMeetsKeepsTheVoiceAndItsDuration(int rate) {
        short[] output = Resampler.from(rate).resample(tone(1_000, rate, 1.0));

        assertEquals(16_000, output.length, 1, "one second stays one second");
        assertEquals(0, decibels(level(output, 1_000, 16_000) / AMPLITUDE), 0.1, "1 kHz keeps its level");
    }

    @ParameterizedTest
    @ValueSource(ints = {32_000, 44_100, 48_000})
    void downsamplingKeepsWhatIsAbove8kHzFromFoldingIntoTheVoiceBand(int rate) {
        // 12 kHz would alias to 4 kHz at 16 kHz; sound cards record it (cymbals, hiss, a keyboard's clicks).
        short[] output = Resampler.from(rate).resample(tone(12_000, rate, 1.0));

        assertTrue(decibels(level(output, 4_000, 16_000) / AMPLITUDE) <= -60,
                "alias at 4 kHz is " + decibels(level(output, 4_000, 16_000) / AMPLITUDE) + " dB");
    }

    @Test
    void upsampling11kHzKeepsItsImagesOut() {
        short[] output = Resampler.from(11_025).resample(tone(4_000, 11_025, 1.0));

        double image = level(output, 11_025 - 4_000, 16_000);
        assertTrue(decibels(image / AMPLITUDE) <= -60, "image at 7.025 kHz is " + decibels(image / AMPLITUDE) + " dB");
    }

    @Test
    void the8kHzFilterIsThe255TapsItsCommentExplains() {
        Resampler resampler = Resampler.from(8_000);

        assertEquals(2, resampler.up());
        assertEquals(1, resampler.down());
        assertEquals(255, resampler.taps());
    }

    @Test
    void aRateJustOffACommonOneIsTakenForItAndAMadeUpOneRefused() {
        assertEquals(2, Resampler.from(8_001).up(), "8001 Hz is filtered as 8 kHz");
        assertEquals(1, Resampler.from(47_999).up(), "47,999 Hz as 48 kHz");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Resampler.from(191_999));
        assertTrue(refused.getMessage().contains("191999 Hz, which no recorder uses"), refused.getMessage());
    }

    @Test
    void silenceStaysSilence() {
        short[] output = Resampler.from(44_100).resample(new short[44_100]);

        for (short sample : output) {
            assertEquals(0, sample);
        }
    }

    static short[] tone(double frequency, int rate, double seconds) {
        short[] samples = new short[(int) Math.round(rate * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return samples;
    }

    /** The amplitude of one frequency in the middle half of the signal (edges skipped), through a Hann window. */
    static double level(short[] samples, double frequency, int rate) {
        int from = samples.length / 4;
        int length = samples.length / 2;
        double re = 0;
        double im = 0;
        double windowSum = 0;
        for (int i = 0; i < length; i++) {
            double window = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (length - 1));
            double angle = 2 * Math.PI * frequency * (from + i) / rate;
            re += window * samples[from + i] * Math.cos(angle);
            im += window * samples[from + i] * Math.sin(angle);
            windowSum += window;
        }
        return 2 * Math.hypot(re, im) / windowSum;
    }

    static double decibels(double ratio) {
        return 20 * Math.log10(Math.max(ratio, 1e-12));
    }
}
