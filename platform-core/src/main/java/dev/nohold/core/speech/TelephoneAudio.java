package dev.nohold.core.speech;

import dev.nohold.core.channel.ReplyAudio;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An agent's recorded reply in a form a phone call can play. Twilio's {@code <Play>} takes WAV and MP3 only, while a
 * browser records WebM/Opus (Chrome) or MP4/AAC (Safari); those are decoded and resampled like a customer's
 * recording and sent as 16 kHz mono 16-bit PCM WAV — above the telephone's 8 kHz band, so Twilio's own conversion
 * loses nothing of the voice.
 */
@ApplicationScoped
public class TelephoneAudio {

    private static final Logger LOG = Logger.getLogger(TelephoneAudio.class);

    private final AudioNormalizer normalizer;

    public TelephoneAudio(AudioNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** The reply as is when Twilio plays it (WAV, MP3), else as WAV; as is, too, when it cannot be decoded. */
    public ReplyAudio playable(ReplyAudio audio) {
        AudioContainer container = AudioContainer.of(audio.bytes());
        if (container == AudioContainer.WAV || container == AudioContainer.MP3) {
            return audio;
        }
        try {
            return new ReplyAudio(wav(normalizer.normalize(audio.bytes()).pcm()), "audio/wav");
        } catch (UnusableAudio e) {
            // Twilio will say it cannot play it; the agent's reply still reaches the customer's timeline.
            LOG.warnf("A recorded reply could not be made playable on a call: %s", e.getMessage());
            return audio;
        }
    }

    /** 16 kHz mono 16-bit PCM in a canonical 44-byte WAV header. */
    static byte[] wav(byte[] pcm) {
        int rate = Resampler.TARGET_RATE;
        ByteBuffer wav = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length)
                .put(pcm);
        return wav.array();
    }
}
