package dev.nohold.core.speech;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The accuracy fixtures under {@code src/test/resources/speech/sentences}, made by {@code make-sentences.sh}: short
 * synthetic sentences in the forms telephones and sound cards send, each beside sox's conversion of it to 16 kHz,
 * and the word error rate of each side over a set of them.
 */
final class SpokenSentences {

    /** The forms, by the name the script gives them; 44.1 kHz stereo exists for the first three sentences only. */
    static final List<String> FORMS = List.of("pcm-8000", "ulaw-8000", "alaw-8000", "pcm-44100-stereo");

    private static final int SENTENCES = 6;

    private SpokenSentences() {
    }

    /** One sentence in one form: what was said, the original recording, and sox's 16 kHz mono PCM of it. */
    record Sentence(String name, String said, byte[] recording, byte[] soxPcm) {
    }

    static List<Sentence> in(String form) {
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 1; i <= SENTENCES; i++) {
            String name = "s" + i;
            if (SpokenSentences.class.getResource("/speech/sentences/" + name + "-" + form + ".wav") == null) {
                continue;
            }
            sentences.add(new Sentence(name + "-" + form,
                    new String(SpeechFixtures.bytes("sentences/" + name + ".txt"), StandardCharsets.UTF_8).strip(),
                    SpeechFixtures.bytes("sentences/" + name + "-" + form + ".wav"),
                    samples(SpeechFixtures.bytes("sentences/" + name + "-" + form + ".sox16k.wav"))));
        }
        return sentences;
    }

    /** Word errors and words said over a set of sentences: their ratio is the set's word error rate. */
    record Tally(int errors, int words) {

        static final Tally NONE = new Tally(0, 0);

        Tally plus(String said, String heard) {
            int saidWords = said.split("\\s+").length;
            int wrong = (int) Math.round(SpeechFixtures.wordErrorRate(said, heard) * saidWords);
            return new Tally(errors + wrong, words + saidWords);
        }

        double rate() {
            return words == 0 ? 0 : (double) errors / words;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f (%d/%d)", rate(), errors, words);
        }
    }

    static byte[] samples(byte[] wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IllegalStateException("A sox fixture that cannot be read: " + e.getMessage(), e);
        }
    }
}
