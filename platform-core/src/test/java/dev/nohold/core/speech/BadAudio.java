package dev.nohold.core.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Recordings that must not be transcribed, built byte by byte so each fault is exactly the one named. */
final class BadAudio {

    static final int WAVE_FORMAT_PCM = 1;
    static final int WAVE_FORMAT_MULAW = 7;
    static final int WAVE_FORMAT_MPEGLAYER3 = 0x55;

    private BadAudio() {
    }

    /** A WAV file whose header says exactly what the arguments say, followed by {@code data}. */
    static byte[] wav(int formatTag, int channels, int sampleRate, int bitsPerSample, byte[] data) {
        int blockAlign = channels * bitsPerSample / 8;
        ByteBuffer wav = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) formatTag).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) bitsPerSample)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.length)
                .put(data);
        return wav.array();
    }

    /** A well-formed WAV with no samples: a caller who hung up before saying anything. */
    static byte[] emptyWav() {
        return wav(WAVE_FORMAT_PCM, 1, 8000, 16, new byte[0]);
    }

    /** Cut inside the header, as an interrupted upload leaves it. */
    static byte[] headerCutShort() {
        return Arrays.copyOf(SpeechFixtures.bytes(SpeechFixtures.TELEPHONE), 30);
    }

    /** A RIFF/WAVE header with a sample rate of 0 and no channels. */
    static byte[] corruptHeader() {
        return wav(WAVE_FORMAT_PCM, 0, 0, 16, new byte[4000]);
    }

    /** MP3 frames inside a WAV wrapper: a container the JDK does not decode. */
    static byte[] mp3InWav() {
        return wav(WAVE_FORMAT_MPEGLAYER3, 1, 8000, 0, new byte[4000]);
    }

    static byte[] pdf() {
        return "%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] mp3() {
        byte[] mp3 = new byte[2000];
        System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, mp3, 0, 3);
        mp3[3] = 4;
        return mp3;
    }

    /** Silence in 8 kHz μ-law (0xFF is μ-law's zero) lasting the given minutes. */
    static byte[] ulawSilence(double minutes) {
        byte[] samples = new byte[(int) (minutes * 60 * 8000)];
        Arrays.fill(samples, (byte) 0xff);
        return wav(WAVE_FORMAT_MULAW, 1, 8000, 8, samples);
    }
}
