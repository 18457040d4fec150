package dev.nohold.core.media;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each audio format the platform meets is recognized by its magic number; anything else is an opaque octet stream. */
class MediaFormatIsToldByTheBytesTest {

    @Test
    void everyAudioFormatIsRecognizedByItsMagicNumber() {
        assertEquals(MediaFormat.WAV, MediaFormat.detect(ascii("RIFF\0\0\0\0WAVEfmt ")));
        assertEquals(MediaFormat.OGG, MediaFormat.detect(ascii("OggS\0\2")));
        assertEquals(MediaFormat.MP3, MediaFormat.detect(ascii("ID3\4\0")));
        assertEquals(MediaFormat.MP3, MediaFormat.detect(bytes(0xff, 0xfb, 0x90, 0x64)));
        assertEquals(MediaFormat.MP4, MediaFormat.detect(ascii("\0\0\0\u0020ftypM4A \0\0\0\0")));
        assertEquals(MediaFormat.AMR, MediaFormat.detect(ascii("#!AMR\n<")));
        assertEquals(MediaFormat.AMR_WB, MediaFormat.detect(ascii("#!AMR-WB\n")));
        assertEquals(MediaFormat.FLAC, MediaFormat.detect(ascii("fLaC\0\0\0\"")));
    }

    @Test
    void webmIsToldFromOtherMatroskaByItsDocType() {
        byte[] ebml = bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84);
        assertEquals(MediaFormat.WEBM, MediaFormat.detect(concat(ebml, ascii("webm"))));
        assertEquals(MediaFormat.MATROSKA, MediaFormat.detect(concat(ebml, ascii("matroska"))));
    }

    @Test
    void whatIsNotAudioOrTooShortToTellIsAnOctetStream() {
        assertEquals(MediaFormat.UNKNOWN, MediaFormat.detect(ascii("<html><script>alert(1)</script>")));
        assertEquals(MediaFormat.UNKNOWN, MediaFormat.detect(ascii("RIFF\0\0\0\0AVI LIST")));
        assertEquals(MediaFormat.UNKNOWN, MediaFormat.detect(ascii("Ogg")));
        assertEquals(MediaFormat.UNKNOWN, MediaFormat.detect(new byte[0]));
        assertEquals("application/octet-stream", MediaFormat.UNKNOWN.mediaType());
    }

    @Test
    void aacFramesAreNotTakenForMp3() {
        assertEquals(MediaFormat.UNKNOWN, MediaFormat.detect(bytes(0xff, 0xf1, 0x50, 0x80)));
    }

    @Test
    void aStoredTypeMapsBackToItsFormatAndExtension() {
        assertEquals(MediaFormat.OGG, MediaFormat.ofMediaType("audio/ogg"));
        assertEquals("m4a", MediaFormat.ofMediaType("audio/mp4").extension());
        assertEquals(MediaFormat.UNKNOWN, MediaFormat.ofMediaType("text/html"));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
