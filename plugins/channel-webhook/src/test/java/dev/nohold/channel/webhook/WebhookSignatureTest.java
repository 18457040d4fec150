package dev.nohold.channel.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.nohold.channel.webhook.WebhookSignature.Verdict.MALFORMED;
import static dev.nohold.channel.webhook.WebhookSignature.Verdict.MISMATCH;
import static dev.nohold.channel.webhook.WebhookSignature.Verdict.MISSING;
import static dev.nohold.channel.webhook.WebhookSignature.Verdict.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The signature is the standard HMAC-SHA256 a caller computes with any library, in GitHub's header format. */
class WebhookSignatureTest {

    private static final byte[] FOX = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
    /** HMAC-SHA256 of FOX with the key "key": the well-known test vector. */
    private static final String FOX_HMAC = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

    private final WebhookSignature signature = new WebhookSignature("key");

    @Test
    void signsWithHmacSha256InHexAfterTheSchemePrefix() {
        assertEquals("sha256=" + FOX_HMAC, signature.sign(FOX));
    }

    @Test
    void acceptsTheRightSignatureWhateverTheCaseOfItsHexOrPrefix() {
        assertEquals(VALID, signature.verify("sha256=" + FOX_HMAC, FOX));
        assertEquals(VALID, signature.verify("SHA256=" + FOX_HMAC.toUpperCase(), FOX));
        assertEquals(VALID, signature.verify(" sha256=" + FOX_HMAC + " ", FOX));
    }

    @Test
    void refusesASignatureOfOtherBytesOrWithAnotherKey() {
        byte[] changed = FOX.clone();
        changed[changed.length - 1] = 'G';
        assertEquals(MISMATCH, signature.verify("sha256=" + FOX_HMAC, changed));
        assertEquals(MISMATCH, new WebhookSignature("other key").verify("sha256=" + FOX_HMAC, FOX));
    }

    @Test
    void tellsAMissingSignatureFromAMalformedOne() {
        assertEquals(MISSING, signature.verify(null, FOX));
        assertEquals(MISSING, signature.verify("  ", FOX));
        assertEquals(MALFORMED, signature.verify(FOX_HMAC, FOX));
        assertEquals(MALFORMED, signature.verify("sha1=" + FOX_HMAC, FOX));
        assertEquals(MALFORMED, signature.verify("sha256=" + FOX_HMAC.substring(1), FOX));
        assertEquals(MALFORMED, signature.verify("sha256=zz" + FOX_HMAC.substring(2), FOX));
        assertEquals(MALFORMED, signature.verify("sha256=" + FOX_HMAC.substring(0, 62), FOX));
        assertEquals(MALFORMED, signature.verify("sha256=" + FOX_HMAC + "00", FOX));
        assertEquals(MALFORMED, signature.verify("sha256=", FOX));
    }
}
