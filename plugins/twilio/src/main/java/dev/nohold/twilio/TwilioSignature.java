package dev.nohold.twilio;

import com.twilio.security.RequestValidator;
import dev.nohold.core.Refusal;
import dev.nohold.core.config.NoholdConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks that a webhook came from Twilio: its {@code X-Twilio-Signature} must match the one the SDK's validator
 * computes with our auth token over the URL Twilio called, which is {@code nohold.public-url} plus the path (behind
 * a proxy, the scheme, host and port Twilio used are what count, not the ones this process listens on).
 */
@ApplicationScoped
public class TwilioSignature {

    public static final String HEADER = "X-Twilio-Signature";

    private final TwilioConfig twilio;
    private final NoholdConfig nohold;

    public TwilioSignature(TwilioConfig twilio, NoholdConfig nohold) {
        this.twilio = twilio;
        this.nohold = nohold;
    }

    /**
     * @param pathAndQuery the path Twilio called (with its query string, if any), starting with {@code /}
     * @throws Refusal 403 when the signature is missing or wrong, or no auth token is configured to check it with
     */
    public void verify(String pathAndQuery, MultivaluedMap<String, String> form, String signature) {
        if (signature == null || signature.isBlank()) {
            throw Refusal.forbidden("Missing " + HEADER + ": only Twilio may call this webhook");
        }
        String authToken = twilio.authToken().orElseThrow(() -> Refusal.forbidden(
                "This webhook refuses every call until nohold.twilio.auth-token is configured"));
        if (!new RequestValidator(authToken).validate(publicUrl(pathAndQuery), firstValues(form), signature)) {
            throw Refusal.forbidden("The " + HEADER + " does not match this request; nothing was stored");
        }
    }

    /** The URL Twilio is configured to call for {@code pathAndQuery}. */
    public String publicUrl(String pathAndQuery) {
        return nohold.publicUrl().replaceAll("/+$", "") + pathAndQuery;
    }

    // Twilio's webhooks never repeat a parameter; the validator takes one value per name.
    private static Map<String, String> firstValues(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        if (form != null) {
            form.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        }
        return values;
    }
}
