package dev.nohold.core.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** What kind of file a recording is, told by its first bytes rather than by the media type a channel claimed. */
enum AudioContainer {
    WAV("WAV", null), OGG("Ogg (Vorbis or Opus)", "ogg"), WEBM("WebM/Matroska", "matroska"), MP3("MP3", "mp3"),
    MP4("MP4/M4A", "mov"), FLAC("FLAC", "flac"), AIFF("AIFF", "aiff"), AMR("AMR", "amr"), UNKNOWN("unknown", null);

    final String label;
    /** The ffmpeg demuxer for this container, named so that ffmpeg never guesses; null when ffmpeg is not used. */
    final String demuxer;

    AudioContainer(String label, String demuxer) {
        this.label = label;
        this.demuxer = demuxer;
    }

    static AudioContainer of(byte[] bytes) {
        if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WAVE")) {
            return WAV;
        }
        if (startsWith(bytes, 0, "OggS")) {
            return OGG;
        }
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0x1a && (bytes[1] & 0xff) == 0x45
                && (bytes[2] & 0xff) == 0xdf && (bytes[3] & 0xff) == 0xa3) {
            return WEBM;
        }
        if (startsWith(bytes, 0, "ID3") || bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xe0) == 0xe0) {
            return MP3;
        }
        if (startsWith(bytes, 4, "ftyp")) {
            return MP4;
        }
        if (startsWith(bytes, 0, "fLaC")) {
            return FLAC;
        }
        if (startsWith(bytes, 0, "FORM") && (startsWith(bytes, 8, "AIFF") || startsWith(bytes, 8, "AIFC"))) {
            return AIFF;
        }
        if (startsWith(bytes, 0, "#!AMR")) {
            return AMR;
        }
        return UNKNOWN;
    }

    /**
     * The sample encoding a WAV file's {@code fmt } chunk names, in words, when it is one the JDK cannot decode
     * (telephony systems also write GSM or ADPCM into WAV); empty for the ones it can, or when there is no such chunk.
     */
    static Optional<String> undecodableWavEncoding(byte[] wav) {
        ByteBuffer chunks = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 10 <= wav.length) {
            int size = chunks.getInt(at + 4);
            if (startsWith(wav, at, "fmt ")) {
                int tag = chunks.getShort(at + 8) & 0xffff;
                return switch (tag) {
                    case 0x0001, 0x0003, 0x0006, 0x0007, 0xfffe -> Optional.empty();
                    case 0x0002, 0x0011 -> Optional.of("ADPCM");
                    case 0x0031 -> Optional.of("GSM 6.10");
                    case 0x0050, 0x0055 -> Optional.of("MPEG (MP3)");
                    default -> Optional.of(String.format("format 0x%04x", tag));
                };
            }
            if (size < 0) {
                return Optional.empty();
            }
            at += 8 + size + (size & 1);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, String magic) {
        byte[] expected = magic.getBytes(StandardCharsets.US_ASCII);
        return bytes.length >= offset + expected.length
                && Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
    }
}
