package dev.nohold.channel.voice;

import dev.nohold.core.Refusal;
import dev.nohold.core.channel.CallReplyAudio;
import dev.nohold.core.channel.ReplyAudio;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.twilio.TwilioConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Links to an agent's recorded reply that only Twilio can use, for the callback's {@code <Play>}: the delivery's id
 * and an expiry, signed with HMAC-SHA256 under the Twilio auth token. The agent API's audio URL needs an agent's
 * login, which Twilio does not have; this one needs nothing but the signature, and stops working when it expires.
 */
@ApplicationScoped
public class ReplyAudioLinks {

    private final TwilioConfig twilio;
    private final NoholdConfig nohold;
    private final VoiceConfig config;
    private final CallReplyAudio replies;
    private final Clock clock;

    public ReplyAudioLinks(TwilioConfig twilio, NoholdConfig nohold, VoiceConfig config, CallReplyAudio replies,
                           Clock clock) {
        this.twilio = twilio;
        this.nohold = nohold;
        this.config = config;
        this.replies = replies;
        this.clock = clock;
    }

    /** The absolute, signed, expiring URL of the audio of the reply this delivery carries. */
    public String linkFor(UUID deliveryId) {
        long expires = clock.instant().plus(config.replyAudioLinkTtl()).getEpochSecond();
        return nohold.publicUrl().replaceAll("/+$", "") + VoicePaths.REPLY_AUDIO + "/" + deliveryId + ".wav?expires="
                + expires + "&sig=" + sign(deliveryId, expires);
    }

    /**
     * The audio bytes and media type, when the signature holds and has not expired; a reply recorded in a browser
     * (WebM, MP4) comes as WAV, since {@code <Play>} takes only WAV and MP3.
     */
    public ReplyAudio open(UUID deliveryId, long expires, String signature) {
        if (signature == null || !MessageDigest.isEqual(sign(deliveryId, expires).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            throw Refusal.forbidden("This audio link is not valid");
        }
        if (clock.instant().getEpochSecond() > expires) {
            throw Refusal.forbidden("This audio link has expired");
        }
        return replies.playable(deliveryId).orElseThrow(() -> Refusal.notFound("No recorded reply for this link"));
    }

    private String sign(UUID deliveryId, long expires) {
        String key = twilio.authToken().orElseThrow(() -> Refusal.forbidden(
                "Audio links need nohold.twilio.auth-token to be configured"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("reply-audio:" + deliveryId + ":" + expires)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
