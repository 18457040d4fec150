package dev.nohold.channel.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The {@code X-Nohold-Signature} scheme, both ways: {@code sha256=<hex HMAC-SHA256 of the exact body bytes>}, as
 * GitHub's {@code X-Hub-Signature-256}. The body is signed as bytes, never re-serialized, so both sides agree.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Nohold-Signature";
    static final String PREFIX = "sha256=";
    /** An HMAC-SHA256 is 32 bytes: 64 hex digits. */
    private static final int SIZE = 32;

    /** What checking a signature found. */
    public enum Verdict { VALID, MISSING, MALFORMED, MISMATCH }

    private final byte[] key;

    public WebhookSignature(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header value for these bytes. */
    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(body));
    }

    public Verdict verify(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Verdict.MALFORMED;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return Verdict.MALFORMED;
        }
        if (claimed.length != SIZE) {
            return Verdict.MALFORMED;
        }
        // Constant time, so the time a refusal takes says nothing about how much of a forged signature was right.
        return MessageDigest.isEqual(claimed, hmac(body)) ? Verdict.VALID : Verdict.MISMATCH;
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
