package dev.nohold.core.speech;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a customer's recording into the 16 kHz mono 16-bit PCM recognizers need, in pure Java, and refuses what it
 * cannot read before any byte reaches native code.
 *
 * <p>Telephony audio is 8 kHz and often μ-law: fed as is to a 16 kHz model, Vosk returns empty text without an
 * error, so every recording is decoded and resampled here. The JDK decodes μ-law and A-law to 16-bit PCM at the
 * source rate (exactly, by the G.711 tables); the channels are mixed to mono here, and the {@link Resampler} brings
 * the rate to 16 kHz, because the JDK's own rate converter has no anti-imaging filter.
 */
@ApplicationScoped
public class AudioNormalizer {

    private static final AudioFormat.Encoding PCM = AudioFormat.Encoding.PCM_SIGNED;
    private static final float MIN_RATE = 8_000f;
    private static final float MAX_RATE = 192_000f;

    private final long maxBytes;
    private final Duration maxDuration;
    private final CompressedAudioDecoder decoder;

    @Inject
    public AudioNormalizer(SpeechConfig config, CompressedAudioDecoder decoder) {
        this(config.maxBytes().asLongValue(), config.maxDuration(), decoder);
    }

    /** WAV only: compressed recordings are refused (tests and the benchmark that need no decoder). */
    public AudioNormalizer(long maxBytes, Duration maxDuration) {
        this(maxBytes, maxDuration, null);
    }

    public AudioNormalizer(long maxBytes, Duration maxDuration, CompressedAudioDecoder decoder) {
        this.maxBytes = maxBytes;
        this.maxDuration = maxDuration;
        this.decoder = decoder;
    }

    public NormalizedAudio normalize(byte[] recording) throws UnusableAudio {
        if (recording == null || recording.length == 0) {
            throw new UnusableAudio("The recording is empty (0 bytes), so there is nothing to transcribe");
        }
        if (recording.length > maxBytes) {
            throw new UnusableAudio("The recording is " + megabytes(recording.length) + "; recordings over "
                    + megabytes(maxBytes) + " are kept but not transcribed");
        }
        AudioContainer container = AudioContainer.of(recording);
        if (container == AudioContainer.UNKNOWN) {
            throw new UnusableAudio("The attachment is not a recording the platform can read (neither WAV nor a known"
                    + " audio format); it is kept as received");
        }
        if (container != AudioContainer.WAV) {
            return decoded(recording, container);
        }
        Optional<String> undecodable = AudioContainer.undecodableWavEncoding(recording);
        if (undecodable.isPresent()) {
            throw new UnusableAudio("The recording is a WAV file with " + undecodable.get() + " samples, an encoding"
                    + " that is not transcribed; 16-bit PCM, μ-law and A-law WAV are");
        }
        try (AudioInputStream wav = AudioSystem.getAudioInputStream(new ByteArrayInputStream(recording))) {
            return normalize(wav, recording.length);
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            // The JDK's WAV reader throws IllegalArgumentException and worse on headers with absurd fields.
            throw new UnusableAudio("The WAV file is damaged or cut short and cannot be read ("
                    + describe(e) + ")", e);
        }
    }

    /** Through the decoder to a PCM WAV at the recording's own rate, then the WAV path like any other. */
    private NormalizedAudio decoded(byte[] recording, AudioContainer container) throws UnusableAudio {
        if (decoder == null) {
            throw new UnusableAudio("The recording is " + container.label + " audio; only WAV (16-bit PCM, μ-law or"
                    + " A-law) is transcribed here, so it is kept to be listened to");
        }
        byte[] wav = decoder.toWav(recording, container);
        NormalizedAudio audio;
        try (AudioInputStream stream = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            // The decoder stops a second past the limit, so the length it gives is not the recording's.
            if (stream.getFrameLength() / stream.getFormat().getFrameRate() > maxDuration.toSeconds()) {
                throw new UnusableAudio("The " + container.label + " recording lasts longer than "
                        + minutes(maxDuration.toSeconds()) + ", the limit; it is kept but not transcribed");
            }
            audio = normalize(stream, wav.length);
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            throw new UnusableAudio("The " + container.label + " recording decoded to nothing readable ("
                    + describe(e) + ")", e);
        }
        String rate = audio.source().substring(0, audio.source().indexOf(" kHz") + 4);
        return new NormalizedAudio(audio.pcm(), container.label + " audio (" + rate + ", decoded)", audio.warning());
    }

    private NormalizedAudio normalize(AudioInputStream wav, int fileBytes) throws UnusableAudio, IOException {
        AudioFormat format = wav.getFormat();
        String source = describe(format);
        checkFormat(format, source);
        long declaredFrames = wav.getFrameLength();
        long framesInFile = format.getFrameSize() > 0 ? fileBytes / format.getFrameSize() : declaredFrames;
        long frames = declaredFrames == AudioSystem.NOT_SPECIFIED ? framesInFile : Math.min(declaredFrames, framesInFile);
        double declaredSeconds = frames / format.getFrameRate();
        if (declaredSeconds > maxDuration.toMillis() / 1000.0) {
            throw new UnusableAudio("The recording lasts " + minutes(declaredSeconds) + "; recordings longer than "
                    + minutes(maxDuration.toSeconds()) + " are kept but not transcribed");
        }
        byte[] pcm = toPcm16(wav, format);
        int channels = format.getChannels();
        long decodedFrames = pcm.length / (2L * channels);
        if (decodedFrames == 0) {
            throw new UnusableAudio("The WAV file holds no sound (0 s of audio) to transcribe");
        }
        String warning = null;
        if (declaredFrames != AudioSystem.NOT_SPECIFIED && decodedFrames < declaredFrames * 0.99) {
            warning = String.format(Locale.ROOT, "the file is cut short: it holds %.1f s of the %.1f s its header"
                    + " announces", decodedFrames / format.getSampleRate(), declaredFrames / format.getFrameRate());
        }
        byte[] mono = channels == 1 ? pcm : downmix(pcm, channels);
        return new NormalizedAudio(resample(mono, format.getSampleRate()), source, warning);
    }

    private static void checkFormat(AudioFormat format, String source) throws UnusableAudio {
        if (format.getChannels() < 1 || format.getChannels() > 8) {
            throw new UnusableAudio("The WAV file claims " + format.getChannels() + " channels; it is damaged or not"
                    + " a voice recording");
        }
        if (!(format.getSampleRate() >= MIN_RATE && format.getSampleRate() <= MAX_RATE)) {
            throw new UnusableAudio("The recording is " + source + "; sample rates from 8 to 192 kHz are transcribed");
        }
    }

    private static byte[] toPcm16(AudioInputStream wav, AudioFormat format) throws UnusableAudio, IOException {
        AudioFormat pcm16 = new AudioFormat(PCM, format.getSampleRate(), 16, format.getChannels(),
                2 * format.getChannels(), format.getSampleRate(), false);
        if (format.matches(pcm16)) {
            return wav.readAllBytes();
        }
        if (!AudioSystem.isConversionSupported(pcm16, format)) {
            throw new UnusableAudio("The recording is " + describe(format) + ", an encoding that is not transcribed;"
                    + " 16-bit PCM, μ-law and A-law WAV are");
        }
        try (AudioInputStream decoded = AudioSystem.getAudioInputStream(pcm16, wav)) {
            return decoded.readAllBytes();
        }
    }

    /** Averages the channels of 16-bit little-endian frames into one. */
    private static byte[] downmix(byte[] pcm, int channels) {
        int frames = pcm.length / (2 * channels);
        byte[] mono = new byte[frames * 2];
        for (int frame = 0; frame < frames; frame++) {
            int sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                int at = (frame * channels + channel) * 2;
                sum += (short) ((pcm[at] & 0xff) | (pcm[at + 1] << 8));
            }
            int sample = sum / channels;
            mono[frame * 2] = (byte) sample;
            mono[frame * 2 + 1] = (byte) (sample >> 8);
        }
        return mono;
    }

    /** Through the band-limited {@link Resampler}: the JDK's own converter would fold images of the voice into 4–8 kHz. */
    private static byte[] resample(byte[] mono, float sampleRate) throws UnusableAudio {
        int rate = Math.round(sampleRate);
        if (rate == Resampler.TARGET_RATE) {
            return mono;
        }
        Resampler resampler;
        try {
            resampler = Resampler.from(rate);
        } catch (IllegalArgumentException e) {
            throw new UnusableAudio("The recording claims " + e.getMessage() + "; it is kept but not transcribed");
        }
        short[] samples = new short[mono.length / 2];
        ByteBuffer.wrap(mono).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        short[] resampled = resampler.resample(samples);
        ByteBuffer out = ByteBuffer.allocate(resampled.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.asShortBuffer().put(resampled);
        return out.array();
    }

    private static String describe(AudioFormat format) {
        String encoding = format.getEncoding() == AudioFormat.Encoding.ULAW ? "μ-law"
                : format.getEncoding() == AudioFormat.Encoding.ALAW ? "A-law"
                : format.getEncoding() == PCM ? format.getSampleSizeInBits() + "-bit PCM"
                : format.getSampleSizeInBits() + "-bit " + format.getEncoding();
        String channels = switch (format.getChannels()) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> format.getChannels() + "-channel";
        };
        String kilohertz = BigDecimal.valueOf(format.getSampleRate() / 1000.0).stripTrailingZeros().toPlainString();
        return kilohertz + " kHz " + encoding + " " + channels + " WAV";
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static String minutes(double seconds) {
        return seconds >= 60 ? String.format(Locale.ROOT, "%.1f min", seconds / 60) : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
