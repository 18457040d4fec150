package dev.nohold.core.speech;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints figures, asserts nothing: raw Vosk on audio sox converted to 16 kHz ahead of time, against the platform's
 * own path (validation, μ-law decoding, resampling, recognition) on the original 8 kHz telephone recording, in one
 * process on the same audio; then the platform path's throughput with 1, 2 and N parallel jobs.
 *
 * <pre>./mvnw -q -pl platform-core test -Pbenchmark -Dtest=SpeechBenchmark [-Dbenchmark.rounds=30]</pre>
 */
@Tag("benchmark")
class SpeechBenchmark {

    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 20);
    private static final int WARM_UP = 3;

    @Test
    void rawVoskAgainstThePlatformsPath() throws Exception {
        Path folder = ModelLocation.bundled(Path.of("target", "benchmark-data"));
        byte[] telephone = SpeechFixtures.bytes(SpeechFixtures.TELEPHONE);
        byte[] preConverted = samples(SpeechFixtures.bytes("benchmark-ulaw-8000-as-16000.wav"));
        double seconds = preConverted.length / 2.0 / 16_000;
        AudioNormalizer normalizer = new AudioNormalizer(64_000_000, Duration.ofMinutes(10));
        LibVosk.setLogLevel(LogLevel.WARNINGS);

        try (Model rawModel = new Model(folder.toString()); VoskRecognizer platform = VoskRecognizer.loadedFrom(folder)) {
            long raw = 0;
            long path = 0;
            long normalizing = 0;
            // Interleaved, so a neighbour's load on a shared machine weighs on both alike.
            for (int round = -WARM_UP; round < ROUNDS; round++) {
                long started = System.nanoTime();
                rawVosk(rawModel, preConverted);
                long rawDone = System.nanoTime();
                NormalizedAudio audio = normalizer.normalize(telephone);
                long normalized = System.nanoTime();
                platform.recognize(audio);
                long pathDone = System.nanoTime();
                if (round >= 0) {
                    raw += rawDone - started;
                    path += pathDone - rawDone;
                    normalizing += normalized - rawDone;
                }
            }
            double rawFactor = raw / 1e9 / (seconds * ROUNDS);
            double pathFactor = path / 1e9 / (seconds * ROUNDS);
            print("clip: %.2f s of speech, %d rounds after %d warm-up; %d cores", seconds, ROUNDS, WARM_UP,
                    Runtime.getRuntime().availableProcessors());
            print("raw Vosk, 16 kHz pre-converted by sox: real-time factor %.3f", rawFactor);
            print("platform path, original 8 kHz μ-law:   real-time factor %.3f (of which normalizing %.1f ms a clip)",
                    pathFactor, normalizing / 1e6 / ROUNDS);
            print("platform / raw: %.3f (%+.1f%%)", pathFactor / rawFactor, (pathFactor / rawFactor - 1) * 100);
            int cores = Runtime.getRuntime().availableProcessors();
            for (int jobs : new int[] {1, 2, cores, cores * 2}) {
                print("throughput with %d parallel job%s: %.1f s of audio per second", jobs, jobs == 1 ? "" : "s",
                        throughput(platform, normalizer, telephone, jobs, seconds));
            }
        }
    }

    private static double throughput(VoskRecognizer platform, AudioNormalizer normalizer, byte[] recording, int jobs,
                                     double seconds) throws Exception {
        int clips = Math.max(ROUNDS, jobs * 4);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            long started = System.nanoTime();
            List<Future<Transcript>> done = new ArrayList<>();
            for (int i = 0; i < clips; i++) {
                done.add(pool.submit(() -> platform.recognize(normalizer.normalize(recording))));
            }
            for (Future<Transcript> clip : done) {
                clip.get();
            }
            return clips * seconds / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** What a program using Vosk directly does: 4 KB at a time into a fresh Recognizer, then the final result. */
    private static String rawVosk(Model model, byte[] pcm16k) throws Exception {
        try (Recognizer recognizer = new Recognizer(model, 16_000f)) {
            recognizer.setWords(true);
            for (int at = 0; at < pcm16k.length; at += 4096) {
                byte[] chunk = Arrays.copyOfRange(pcm16k, at, Math.min(pcm16k.length, at + 4096));
                recognizer.acceptWaveForm(chunk, chunk.length);
            }
            return recognizer.getFinalResult();
        }
    }

    private static byte[] samples(byte[] wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            return in.readAllBytes();
        }
    }

    private static void print(String format, Object... values) {
        System.out.println("[speech benchmark] " + String.format(Locale.ROOT, format, values));
    }
}
