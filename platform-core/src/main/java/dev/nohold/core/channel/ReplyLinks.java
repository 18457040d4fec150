package dev.nohold.core.channel;

import dev.nohold.core.Refusal;
import dev.nohold.core.config.NoholdConfig;
import dev.nohold.core.media.MediaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The door through which a channel sends an agent's recorded reply as a link (an SMS cannot carry audio), and through
 * which the customer's browser, without a login, opens it ({@value #PATH}/{deliveryId}): the
 * delivery's id and an expiry, signed with HMAC-SHA256 under {@code nohold.media.reply-links.secret}, or, when that
 * is unset, under a key generated once and kept in PostgreSQL so every node signs and checks alike. A link whose
 * signature does not hold is refused (403), one past its expiry is gone (410). The audio comes as {@link CallReplyAudio}
 * gives it (WAV or MP3 as recorded, anything else as 16 kHz WAV): the two forms every phone's browser plays, where
 * a browser's WebM/Opus does not play in Safari before iOS 17.4.
 */
@ApplicationScoped
public class ReplyLinks {

    public static final String PATH = "/media/replies";
    private static final String SECRET_NAME = "reply-links";

    private final MediaConfig config;
    private final NoholdConfig nohold;
    private final CallReplyAudio replies;
    private final EntityManager entityManager;
    private final Clock clock;
    private volatile byte[] key;

    public ReplyLinks(MediaConfig config, NoholdConfig nohold, CallReplyAudio replies, EntityManager entityManager,
                      Clock clock) {
        this.config = config;
        this.nohold = nohold;
        this.replies = replies;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The absolute, signed link to the audio of the reply this delivery carries, working for the configured time. */
    public String linkFor(UUID deliveryId) {
        long expires = clock.instant().plus(config.replyLinks().ttl()).getEpochSecond();
        return nohold.publicUrl().replaceAll("/+$", "") + PATH + "/" + deliveryId + "?expires=" + expires
                + "&signature=" + sign(deliveryId, expires);
    }

    /**
     * The reply's audio a link opens, in a form every browser plays.
     *
     * @throws Refusal 403 when the signature does not hold, 410 when it has expired, 404 when the reply has no audio
     */
    public ReplyAudio open(UUID deliveryId, long expires, String signature) {
        check(deliveryId, expires, signature);
        return replies.playable(deliveryId).orElseThrow(() -> Refusal.notFound("No recorded answer for this link"));
    }

    private void check(UUID deliveryId, long expires, String signature) {
        if (signature == null || !MessageDigest.isEqual(sign(deliveryId, expires).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            throw Refusal.forbidden("This link to a recorded answer is not valid");
        }
        if (clock.instant().getEpochSecond() > expires) {
            throw new Refusal(410, "This link to a recorded answer has expired: ask us for the answer again");
        }
    }

    private String sign(UUID deliveryId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] signed = mac.doFinal(("reply:" + deliveryId + ":" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            String secret = config.replyLinks().secret().filter(s -> !s.isBlank()).orElseGet(this::sharedSecret);
            known = secret.getBytes(StandardCharsets.UTF_8);
            key = known;
        }
        return known;
    }

    /** The key kept in the database: inserted by the first node that needs it, read by every other. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    String sharedSecret() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        entityManager.createNativeQuery("insert into platform_secret (name, secret) values (:name, :secret)"
                        + " on conflict (name) do nothing")
                .setParameter("name", SECRET_NAME).setParameter("secret", HexFormat.of().formatHex(fresh))
                .executeUpdate();
        return (String) entityManager.createNativeQuery("select secret from platform_secret where name = :name")
                .setParameter("name", SECRET_NAME).getSingleResult();
    }
}
