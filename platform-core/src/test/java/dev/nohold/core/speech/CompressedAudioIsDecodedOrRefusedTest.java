package dev.nohold.core.speech;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every compressed form phones, browsers and messengers send becomes the same 16 kHz mono audio as the WAV fixtures;
 * hostile or corrupt files are refused with a reason, in bounded time. Fixtures: {@code make-compressed.sh}.
 */
class CompressedAudioIsDecodedOrRefusedTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static VoskRecognizer vosk;
    private final AudioNormalizer normalizer = new AudioNormalizer(8_000_000, Duration.ofMinutes(10),
            CompressedAudioDecoder.bundled(TIMEOUT, Duration.ofMinutes(10), 2));

    @BeforeAll
    static void loadModel() {
        vosk = VoskRecognizer.loadedFrom(ModelLocation.bundled(Path.of("target", "speech-compressed")));
    }

    @AfterAll
    static void freeModel() {
        vosk.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "chrome-opus.webm | WebM/Matroska audio (48 kHz, decoded)",
            "voice-note-opus.ogg | Ogg (Vorbis or Opus) audio (48 kHz, decoded)",
            "voice-memo-aac.m4a | MP4/M4A audio (44.1 kHz, decoded)",
            "mms.amr | AMR audio (8 kHz, decoded)",
            "stereo.mp3 | MP3 audio (44.1 kHz, decoded)",
            "lossless.flac | FLAC audio (16 kHz, decoded)"})
    void everyContainerIsDecodedTo16kHzMonoAndHeard(String fixture, String source) throws UnusableAudio {
        NormalizedAudio audio = normalizer.normalize(SpeechFixtures.bytes("compressed/" + fixture));
        String heard = vosk.recognize(audio).text();

        assertEquals(source, audio.source());
        assertTrue(SpeechFixtures.wordErrorRate(SpeechFixtures.sentence(), heard)
                <= SpeechFixtures.LOSSY_MAX_WORD_ERROR_RATE, fixture + " heard as '" + heard + "'");
        // Encoders add their own padding (AAC's priming, MP3's frames): a few tens of milliseconds.
        assertEquals(SpeechFixtures.SECONDS, audio.seconds(), 0.08, fixture);
        assertTrue(peak(audio.pcm()) > 3_000, "the voice survives: peak " + peak(audio.pcm()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "truncated-opus.ogg | The Ogg (Vorbis or Opus) recording is damaged or not audio and cannot be decoded (",
            "wrong-header.webm | The WebM/Matroska recording is damaged or not audio and cannot be decoded (",
            "no-sound.m4a | The MP4/M4A recording is damaged or not audio and cannot be decoded (",
            "three-hours-of-silence.flac | The FLAC recording lasts longer than 10.0 min, the limit"})
    void aHostileOrCorruptFileIsRefusedWithItsReason(String fixture, String reason) {
        UnusableAudio refused = assertThrows(UnusableAudio.class,
                () -> normalizer.normalize(SpeechFixtures.bytes("compressed/" + fixture)));

        assertTrue(refused.getMessage().startsWith(reason), refused.getMessage());
    }

    @Test
    void aDecoderThatHangsIsStoppedAtTheTimeLimit(@TempDir Path folder) throws IOException {
        // A stand-in for ffmpeg stuck on a crafted file: a process that ignores its arguments and never ends.
        Path stuck = Files.writeString(folder.resolve("stuck-decoder"), "#!/bin/sh\nexec /bin/sleep 600\n");
        stuck.toFile().setExecutable(true);
        CompressedAudioDecoder decoder = new CompressedAudioDecoder(stuck::toString, Duration.ofMillis(500),
                Duration.ofMinutes(10), 1);
        long started = System.nanoTime();

        UnusableAudio refused = assertThrows(UnusableAudio.class,
                () -> decoder.toWav(SpeechFixtures.bytes("compressed/mms.amr"), AudioContainer.AMR));

        assertTrue(refused.getMessage().contains("took longer than 0.5 s, so it was stopped"), refused.getMessage());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos(), "stopped promptly");
    }

    @Test
    void theDecoderSeesNoneOfThePlatformsEnvironment(@TempDir Path folder) throws IOException {
        // The platform's environment may hold Twilio's token; a decoder that tells what it sees, then fails.
        Path telling = Files.writeString(folder.resolve("telling-decoder"),
                "#!/bin/sh\necho \"HOME=${HOME:-none}\" >&2\nexit 1\n");
        telling.toFile().setExecutable(true);
        CompressedAudioDecoder decoder = new CompressedAudioDecoder(telling::toString, TIMEOUT, Duration.ofMinutes(10), 1);

        UnusableAudio refused = assertThrows(UnusableAudio.class,
                () -> decoder.toWav(SpeechFixtures.bytes("compressed/mms.amr"), AudioContainer.AMR));

        assertTrue(System.getenv("HOME") != null, "the platform's own environment has a HOME");
        assertTrue(refused.getMessage().contains("(HOME=none)"), refused.getMessage());
    }

    @Test
    void aDecoderPastItsMemoryCapIsStoppedAndTheNextRecordingIsDecodedAsEver() throws UnusableAudio {
        // 8 MB: below what the static ffmpeg maps to start (prlimit), and a 32nd of it (256 KB, -max_alloc) is less
        // than the AAC decoder's largest block; either way the decoder is stopped for want of memory.
        AudioNormalizer starved = new AudioNormalizer(8_000_000, Duration.ofMinutes(10),
                CompressedAudioDecoder.bundled(TIMEOUT, Duration.ofMinutes(10), 1, 8L * 1024 * 1024));

        UnusableAudio refused = assertThrows(UnusableAudio.class,
                () -> starved.normalize(SpeechFixtures.bytes("compressed/voice-memo-aac.m4a")));

        assertTrue(refused.getMessage().startsWith("Decoding the MP4/M4A recording needed more memory than the decoder"
                + " may use (8 MB, nohold.speech.decode-memory)"), refused.getMessage());
        NormalizedAudio after = normalizer.normalize(SpeechFixtures.bytes("compressed/voice-memo-aac.m4a"));
        assertEquals(SpeechFixtures.SECONDS, after.seconds(), 0.08, "the platform decodes on, at its own cap");
    }

    @Test
    void theDecoderRunsUnderTheMemoryCap(@TempDir Path folder) throws IOException {
        // A decoder that tells its address-space limit (KB) and its arguments, then fails.
        Path telling = Files.writeString(folder.resolve("telling-decoder"),
                "#!/bin/sh\necho \"as=$(ulimit -v) $*\" >&2\nexit 1\n");
        telling.toFile().setExecutable(true);
        CompressedAudioDecoder decoder = new CompressedAudioDecoder(telling::toString, TIMEOUT, Duration.ofMinutes(10),
                1, 64L * 1024 * 1024);

        UnusableAudio refused = assertThrows(UnusableAudio.class,
                () -> decoder.toWav(SpeechFixtures.bytes("compressed/mms.amr"), AudioContainer.AMR));

        assertTrue(refused.getMessage().contains("-max_alloc 2097152 "), refused.getMessage());
        if (decoder.capsTotalMemory()) {
            assertTrue(refused.getMessage().contains("as=65536 "), refused.getMessage());
        }
    }

    private static int peak(byte[] pcm) {
        int peak = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8))));
        }
        return peak;
    }
}
