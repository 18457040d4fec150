package dev.nohold.core.media;

import java.nio.charset.StandardCharsets;

/**
 * What a stored item is, told by its first bytes (magic numbers) and never by the type its uploader claimed: a
 * browser that trusted a claimed {@code text/html} would run whatever the "recording" holds.
 */
public enum MediaFormat {
    WAV("audio/wav", "wav"),
    OGG("audio/ogg", "ogg"),
    WEBM("audio/webm", "webm"),
    MATROSKA("audio/x-matroska", "mka"),
    MP3("audio/mpeg", "mp3"),
    MP4("audio/mp4", "m4a"),
    AMR("audio/amr", "amr"),
    AMR_WB("audio/amr-wb", "awb"),
    FLAC("audio/flac", "flac"),
    UNKNOWN("application/octet-stream", "bin");

    /** Enough of the head of a file to tell every format here, including a WebM DocType after the EBML header. */
    public static final int HEAD_LENGTH = 64;

    private final String mediaType;
    private final String extension;

    MediaFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format of a file from its first bytes (the whole file or at least {@link #HEAD_LENGTH} of them). */
    public static MediaFormat detect(byte[] head) {
        if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WAVE")) {
            return WAV;
        }
        if (startsWith(head, 0, "OggS")) {
            return OGG;
        }
        if (startsWith(head, 0, 0x1a, 0x45, 0xdf, 0xa3)) {
            return contains(head, "webm") ? WEBM : MATROSKA;
        }
        if (startsWith(head, 0, "ID3") || isMpegAudioFrame(head)) {
            return MP3;
        }
        if (startsWith(head, 4, "ftyp")) {
            return MP4;
        }
        if (startsWith(head, 0, "#!AMR-WB\n")) {
            return AMR_WB;
        }
        if (startsWith(head, 0, "#!AMR\n")) {
            return AMR;
        }
        if (startsWith(head, 0, "fLaC")) {
            return FLAC;
        }
        return UNKNOWN;
    }

    /** The format whose media type this is; {@link #UNKNOWN} for any other. */
    public static MediaFormat ofMediaType(String mediaType) {
        for (MediaFormat format : values()) {
            if (format.mediaType.equalsIgnoreCase(mediaType)) {
                return format;
            }
        }
        return UNKNOWN;
    }

    /**
     * An MPEG audio frame header without ID3 tag: eleven sync bits, then a layer other than "reserved" (00), which
     * is also what tells MP3 apart from AAC's ADTS frames, whose layer bits are always 00.
     */
    private static boolean isMpegAudioFrame(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xe0) == 0xe0 && (head[1] & 0x06) != 0;
    }

    private static boolean startsWith(byte[] bytes, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] bytes, String ascii) {
        int end = Math.min(bytes.length, HEAD_LENGTH);
        for (int at = 0; at + ascii.length() <= end; at++) {
            if (startsWith(bytes, at, ascii)) {
                return true;
            }
        }
        return false;
    }
}
