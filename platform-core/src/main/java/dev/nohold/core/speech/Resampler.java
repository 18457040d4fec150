package dev.nohold.core.speech;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts mono 16-bit samples from any whole sample rate to the recognizers' 16 kHz with a band-limited polyphase
 * filter, so that no mirror image of the voice lands where the model listens.
 *
 * <p>Why: the JDK's converter interpolates without an anti-imaging filter. From 8 kHz, the images of the voice then
 * fill 4 to 8 kHz, a band the 16 kHz model uses, and synthetic or bright voices lose most words (0.70 word error
 * rate against sox's 0.28 on eight espeak-ng sentences at 8 kHz μ-law).
 *
 * <p>How: the rate changes by the ratio {@code up/down} (2/1 from 8 kHz, 640/441 from 11.025 kHz, 1/3 from 48 kHz,
 * 160/441 from 44.1 kHz). Conceptually the input is padded with {@code up - 1} zeros per sample, low-pass filtered at
 * {@code up × rate}, and every {@code down}-th sample kept; the polyphase form only computes the kept samples, each
 * from one of {@code up} sub-filters ("phases"), so no zero is ever multiplied.
 *
 * <p>The numbers, all relative to the lower of the two rates ({@code f_low}: the input's rate when upsampling,
 * 16 kHz when downsampling), so one design serves every rate:
 * <ul>
 *   <li>Cutoff 0.96 × {@code f_low}/2 (3.84 kHz from 8 kHz, 7.68 kHz when downsampling to 16 kHz): the filter's
 *       transition band is centred there, so it is fully closed at {@code f_low}/2, where the first image begins
 *       (or, downsampling, where aliasing would begin), while the passband stays flat to about 0.92 × {@code f_low}/2
 *       (3.68 kHz from telephone audio, which carries nothing above 3.4 kHz anyway).</li>
 *   <li>Half-length 64 periods of {@code f_low} on each side of the centre: 255 taps at 16 kHz from 8 kHz input.
 *       Kaiser's formula, width = (A − 7.95) / (2.285 · 2π · (N − 1)) × rate, gives a transition band of
 *       about 0.04 × {@code f_low} (316 Hz from 8 kHz) for N = 255 and A = 80 dB: exactly the room the cutoff leaves.
 *   <li>Kaiser window, β = 0.1102 × (80 − 8.7) = 7.86: 80 dB stopband attenuation, well beyond μ-law's own noise
 *       floor (about 38 dB below a loud voice), so what the filter lets through is lost in the codec's noise.</li>
 * </ul>
 * Each phase is normalised to a gain of exactly one, so silence stays silence and the level of the voice does not
 * ripple from one output sample to the next. Cost: {@code 2 × 64 × max(1, rate/16 kHz)} multiply-adds per output
 * sample (128 from 8 kHz, 384 from 48 kHz), a few milliseconds per second of audio — under 1 % of recognition.
 */
final class Resampler {

    static final int TARGET_RATE = (int) NormalizedAudio.SAMPLE_RATE;

    /** Stopband attenuation in dB, and the Kaiser window's β that gives it. */
    static final double ATTENUATION_DB = 80;
    private static final double BETA = 0.1102 * (ATTENUATION_DB - 8.7);
    /** Cutoff as a share of the lower rate's Nyquist frequency. */
    static final double CUTOFF_SHARE = 0.96;
    /** Half the filter's length, in periods of the lower rate. */
    private static final int HALF_SPAN = 64;

    /** The rates phones, browsers and sound cards use; their filters are kept, any other's built per call. */
    private static final Set<Integer> COMMON_RATES = Set.of(8_000, 11_025, 12_000, 16_000, 22_050, 24_000, 32_000,
            44_100, 48_000, 96_000);
    private static final Map<Integer, Resampler> BY_RATE = new ConcurrentHashMap<>();

    private final int up;
    private final int down;
    private final int reach;
    /** phases[p][i + reach] weighs input sample (k0 − i) for an output whose position is k0 · up + p. */
    private final float[][] phases;

    private Resampler(int inputRate) {
        int common = gcd(inputRate, TARGET_RATE);
        this.up = TARGET_RATE / common;
        this.down = inputRate / common;
        double lowRate = Math.min(inputRate, TARGET_RATE);
        double filterRate = (double) inputRate * up;
        double cutoff = CUTOFF_SHARE * lowRate / 2 / filterRate;
        double halfLength = HALF_SPAN * filterRate / lowRate;
        this.reach = (int) Math.ceil(halfLength / up) + 1;
        this.phases = new float[up][2 * reach + 1];
        for (int phase = 0; phase < up; phase++) {
            double[] taps = new double[2 * reach + 1];
            double sum = 0;
            for (int i = -reach; i <= reach; i++) {
                double offset = phase + (double) i * up;
                taps[i + reach] = tap(offset, cutoff, halfLength);
                sum += taps[i + reach];
            }
            for (int i = 0; i < taps.length; i++) {
                phases[phase][i] = (float) (taps[i] / sum);
            }
        }
    }

    /** The most phases a filter may have: 640 is 11.025 kHz's; a rate like 8001 Hz would need 16,000 (and 8 MB). */
    private static final int MAX_PHASES = 640;

    /**
     * The resampler from {@code inputRate} Hz to 16 kHz; filters are built once per rate and shared. A rate whose
     * ratio to 16 kHz is awkward (a header may claim 8001 Hz, or 191,999 Hz: a filter of 98 MB) is taken for the
     * common rate within 1 % of it — a voice 0.01 % too fast is the same voice to a recognizer — or refused.
     *
     * @throws IllegalArgumentException for a rate no recorder uses and no common rate is near
     */
    static Resampler from(int inputRate) {
        if (inputRate <= 0) {
            throw new IllegalArgumentException("a sample rate of " + inputRate + " Hz");
        }
        if (TARGET_RATE / gcd(inputRate, TARGET_RATE) > MAX_PHASES) {
            int near = COMMON_RATES.stream().filter(rate -> Math.abs(rate - inputRate) <= rate / 100)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("a sample rate of " + inputRate
                            + " Hz, which no recorder uses"));
            return from(near);
        }
        return COMMON_RATES.contains(inputRate) ? BY_RATE.computeIfAbsent(inputRate, Resampler::new)
                : new Resampler(inputRate);
    }

    /** Mono samples at the input rate to mono samples at 16 kHz; the output lasts as long as the input. */
    short[] resample(short[] input) {
        if (up == down) {
            return input.clone();
        }
        int outputLength = (int) ((long) input.length * up / down);
        short[] output = new short[outputLength];
        for (int n = 0; n < outputLength; n++) {
            long position = (long) n * down;
            int centre = (int) (position / up);
            float[] taps = phases[(int) (position % up)];
            int first = Math.max(-reach, centre - input.length + 1);
            int last = Math.min(reach, centre);
            double sum = 0;
            for (int i = first; i <= last; i++) {
                sum += taps[i + reach] * input[centre - i];
            }
            output[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
        }
        return output;
    }

    int up() {
        return up;
    }

    int down() {
        return down;
    }

    /** The length of the whole filter at {@code up} times the input rate: its non-zero taps over all phases. */
    int taps() {
        int taps = 0;
        for (float[] phase : phases) {
            for (float tap : phase) {
                taps += tap != 0 ? 1 : 0;
            }
        }
        return taps;
    }

    /** The Kaiser-windowed sinc at {@code offset} samples of the filter rate from its centre. */
    private static double tap(double offset, double cutoff, double halfLength) {
        if (Math.abs(offset) >= halfLength) {
            return 0;
        }
        double x = 2 * cutoff * offset;
        double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        double ratio = offset / halfLength;
        return sinc * besselI0(BETA * Math.sqrt(1 - ratio * ratio)) / besselI0(BETA);
    }

    /** The modified Bessel function of the first kind, order zero, by its power series (converges fast for β < 20). */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
