package dev.nohold.channel.template;

import dev.nohold.core.Refusal;
import dev.nohold.core.channel.ChannelRequests;
import dev.nohold.core.channel.InboundMessage;
import dev.nohold.core.channel.IntakeReceipt;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Turns the provider's call into a request: the signature first (a forged call is refused before anything is
 * read), then the fields, then one call to the core's door. The provider's message id goes with it, so a provider's
 * retry makes no second request.
 */
@ApplicationScoped
public class TemplateIntake {

    private final TemplateConfig config;
    private final ChannelRequests requests;

    public TemplateIntake(TemplateConfig config, ChannelRequests requests) {
        this.config = config;
        this.requests = requests;
    }

    public IntakeReceipt take(byte[] body, ProviderMessage message, String signature) {
        String secret = config.secret().filter(value -> !value.isBlank())
                .orElseThrow(() -> Refusal.unavailable("The template channel is not configured:"
                        + " nohold.template.secret is not set"));
        if (signature == null || !MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw Refusal.forbidden("The signature does not match the body: the provider did not send this");
        }
        if (message == null || blank(message.id()) || blank(message.from()) || blank(message.text())) {
            throw Refusal.badInput("A message needs \"id\", \"from\" and \"text\"");
        }
        return requests.take(InboundMessage.from(TemplateChannel.ID, message.from().strip())
                .text(message.text())
                .providerMessageId(message.id(), sign(secret, body))
                .build());
    }

    /** The provider's signature: hex HMAC-SHA256 of the exact body with the shared secret. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
