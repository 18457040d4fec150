package dev.nohold.core.speech;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * Prints figures, asserts nothing. First an accuracy table: the synthetic sentences of {@link SpokenSentences} in each
 * form, heard by the platform's path, by Vosk on sox's conversion of the same audio, and by the JDK's resampling the
 * platform used before (for the record), with the resampler's share of recognition time. Then raw Vosk on audio sox converted to 16 kHz ahead of time, against the platform's
 * own path (validation, μ-law decoding, resampling, recognition) on the original 8 kHz telephone recording, in one
 * process on the same audio; then the platform path's throughput with 1, 2 and N parallel jobs.
 *
 * <pre>./mvnw -q -pl platform-core test -Pbenchmark -Dtest=SpeechBenchmark [-Dbenchmark.rounds=30]</pre>
 * or only the table: {@code -Dtest=SpeechBenchmark#accuracyBesideSox}.
 */
@Tag("benchmark")
class SpeechBenchmark {

    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 20);
    private static final int WARM_UP = 3;

    @Test
    void accuracyBesideSox() throws Exception {
        Path folder = ModelLocation.bundled(Path.of("target", "benchmark-data"));
        AudioNormalizer normalizer = new AudioNormalizer(64_000_000, Duration.ofMinutes(10));
        try (VoskRecognizer vosk = VoskRecognizer.loadedFrom(folder)) {
            print("| form | sentences (words) | platform WER | Vosk on sox's 16 kHz WER | JDK resampling (before) WER"
                    + " | resampling / recognition time |");
            print("| --- | --- | --- | --- | --- | --- |");
            for (String form : SpokenSentences.FORMS) {
                SpokenSentences.Tally platform = SpokenSentences.Tally.NONE;
                SpokenSentences.Tally sox = SpokenSentences.Tally.NONE;
                SpokenSentences.Tally jdk = SpokenSentences.Tally.NONE;
                long resampling = 0;
                long recognizing = 0;
                List<SpokenSentences.Sentence> sentences = SpokenSentences.in(form);
                for (SpokenSentences.Sentence sentence : sentences) {
                    long started = System.nanoTime();
                    NormalizedAudio audio = normalizer.normalize(sentence.recording());
                    long normalized = System.nanoTime();
                    platform = platform.plus(sentence.said(), vosk.recognize(audio).text());
                    recognizing += System.nanoTime() - normalized;
                    resampling += resamplingTime(sentence.recording());
                    sox = sox.plus(sentence.said(),
                            vosk.recognize(new NormalizedAudio(sentence.soxPcm(), "sox", null)).text());
                    jdk = jdk.plus(sentence.said(),
                            vosk.recognize(new NormalizedAudio(jdkResampled(sentence.recording()), "jdk", null)).text());
                }
                print("| %s | %d (%d) | %s | %s | %s | %.1f ms / %.0f ms = %.2f %% |", form, sentences.size(),
                        platform.words(), platform, sox, jdk, resampling / 1e6, recognizing / 1e6,
                        100.0 * resampling / recognizing);
            }
        }
    }

    /** Nanoseconds the {@link Resampler} alone takes on a recording's mono samples (best of three, warm). */
    private static long resamplingTime(byte[] wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = in.getFormat();
            short[] mono = monoSamples(in);
            Resampler resampler = Resampler.from(Math.round(format.getSampleRate()));
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                resampler.resample(mono);
                best = Math.min(best, System.nanoTime() - started);
            }
            return best;
        }
    }

    /** What the platform did before the {@link Resampler}: the JDK's converter from the source rate to 16 kHz. */
    private static byte[] jdkResampled(byte[] wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            float rate = in.getFormat().getSampleRate();
            short[] mono = monoSamples(in);
            ByteBuffer bytes = ByteBuffer.allocate(mono.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asShortBuffer().put(mono);
            AudioFormat from = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, 16, 1, 2, rate, false);
            AudioFormat to = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, 16_000f, 16, 1, 2, 16_000f, false);
            try (AudioInputStream source = new AudioInputStream(new ByteArrayInputStream(bytes.array()), from, mono.length);
                 AudioInputStream resampled = AudioSystem.getAudioInputStream(to, source)) {
                return resampled.readAllBytes();
            }
        }
    }

    /** A WAV stream decoded by the JDK to 16-bit PCM at its own rate, channels averaged. */
    private static short[] monoSamples(AudioInputStream in) throws Exception {
        AudioFormat format = in.getFormat();
        int channels = format.getChannels();
        AudioFormat pcm16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, format.getSampleRate(), 16, channels,
                2 * channels, format.getSampleRate(), false);
        byte[] pcm;
        try (AudioInputStream decoded = AudioSystem.getAudioInputStream(pcm16, in)) {
            pcm = decoded.readAllBytes();
        }
        short[] interleaved = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(interleaved);
        short[] mono = new short[interleaved.length / channels];
        for (int frame = 0; frame < mono.length; frame++) {
            int sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += interleaved[frame * channels + channel];
            }
            mono[frame] = (short) (sum / channels);
        }
        return mono;
    }

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
