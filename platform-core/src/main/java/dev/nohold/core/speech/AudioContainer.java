package dev.nohold.core.speech;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What kind of file a recording is, told by its first bytes rather than by the media type a channel claimed. */
enum AudioContainer {
    WAV("WAV"), OGG("Ogg (Vorbis or Opus)"), WEBM("WebM/Matroska"), MP3("MP3"), MP4("MP4/M4A"), FLAC("FLAC"),
    AIFF("AIFF"), AMR("AMR"), UNKNOWN("unknown");

    final String label;

    AudioContainer(String label) {
        this.label = label;
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

    private static boolean startsWith(byte[] bytes, int offset, String magic) {
        byte[] expected = magic.getBytes(StandardCharsets.US_ASCII);
        return bytes.length >= offset + expected.length
                && Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
    }
}
