package dev.nohold.core.speech;

/**
 * A recording as every recognizer takes it: 16 kHz, mono, 16-bit signed little-endian PCM.
 *
 * @param pcm     the samples
 * @param source  what the recording was, in words ("8 kHz μ-law mono WAV"), for the request's timeline
 * @param warning something an agent should know although there is text (a file cut short), or null
 */
public record NormalizedAudio(byte[] pcm, String source, String warning) {

    public static final float SAMPLE_RATE = 16_000f;

    public double seconds() {
        return pcm.length / 2.0 / SAMPLE_RATE;
    }
}
