package dev.nohold.app;

import dev.nohold.twilio.TwilioStandIn;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What reaches a platform's channel endpoints from outside, signed as the real senders sign it: a CRM posting to the
 * generic webhook channel (with its own message id as {@code Idempotency-Key}) and Twilio posting an incoming SMS or a
 * recorded call (with its sid). A sender whose call got no 2xx sends the same message again, as Twilio and a CRM do.
 */
final class Senders {

    static final String PUBLIC_URL = "https://help.example.test";
    static final String WEBHOOK_SECRET = "crash-secret";
    static final String ADMIN_PASSWORD = "crash-admin";
    static final String AGENT_PASSWORD = "password-123";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Senders() {
    }

    /** The settings every node of these tests gets: the secrets above and a Twilio account on the stand-in. */
    static Map<String, String> platformSettings(String twilioApiUrl) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("nohold.admin.password", ADMIN_PASSWORD);
        settings.put("nohold.webhook.secret", WEBHOOK_SECRET);
        settings.put("nohold.public-url", PUBLIC_URL);
        settings.put("nohold.twilio.account-sid", TwilioStandIn.ACCOUNT_SID);
        settings.put("nohold.twilio.auth-token", TwilioStandIn.AUTH_TOKEN);
        settings.put("nohold.twilio.phone-number", TwilioStandIn.OUR_NUMBER);
        settings.put("nohold.twilio.api-url", twilioApiUrl);
        return settings;
    }

    /** The status code of one webhook-channel call; an exception when the node did not answer at all. */
    static int webhook(String baseUrl, String key, String from, String text, String callbackUrl) throws Exception {
        String body = """
                {"from": "%s", "text": "%s", "callbackUrl": "%s"}""".formatted(from, text, callbackUrl);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/channels/webhook/requests"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .header("X-Nohold-Signature", "sha256=" + hmac(body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Twilio's webhook for an incoming SMS. */
    static int sms(String baseUrl, String messageSid, String from, String text) throws Exception {
        return twilio(baseUrl, "/channels/sms/twilio", Map.of("MessageSid", messageSid, "AccountSid",
                TwilioStandIn.ACCOUNT_SID, "From", from, "To", TwilioStandIn.OUR_NUMBER, "Body", text));
    }

    /** Twilio's status callback for a message it sent: the carrier delivered it. */
    static int smsDelivered(String baseUrl, String messageSid) throws Exception {
        return twilio(baseUrl, "/channels/sms/twilio/status", Map.of("MessageSid", messageSid, "AccountSid",
                TwilioStandIn.ACCOUNT_SID, "MessageStatus", "delivered"));
    }

    /** Twilio's {@code <Record>} action: the caller left a message, to be fetched from the stand-in. */
    static int recorded(String baseUrl, String callSid, String from) throws Exception {
        String recordingSid = "RE" + callSid.substring(2);
        return twilio(baseUrl, "/channels/voice/twilio/recorded", Map.of("CallSid", callSid, "AccountSid",
                TwilioStandIn.ACCOUNT_SID, "From", from, "To", TwilioStandIn.OUR_NUMBER, "RecordingSid", recordingSid,
                "RecordingUrl", TwilioStandIn.recordingUrl(recordingSid), "RecordingDuration", "3"));
    }

    /** Twilio's webhook for an incoming call; the TwiML the platform answered (a live dial, or the recording). */
    static String call(String baseUrl, String callSid, String from) throws Exception {
        return twiml(baseUrl, "/channels/voice/twilio", Map.of("CallSid", callSid, "AccountSid",
                TwilioStandIn.ACCOUNT_SID, "From", from, "To", TwilioStandIn.OUR_NUMBER, "Direction", "inbound"));
    }

    /** The agent's phone picked up a live dial: Twilio asks the {@code <Number url>} of the dial before bridging. */
    static String agentPickedUp(String baseUrl, String reservation, String callSid) throws Exception {
        return twiml(baseUrl, "/channels/voice/twilio/agent-answered?reservation=" + reservation, Map.of("CallSid",
                callSid + "-agent-leg", "AccountSid", TwilioStandIn.ACCOUNT_SID));
    }

    /** The {@code <Dial>} ended ({@code completed}: the conversation took place; {@code no-answer}: it never did). */
    static String dialEnded(String baseUrl, String callSid, String dialCallStatus) throws Exception {
        return twiml(baseUrl, "/channels/voice/twilio/dialed", Map.of("CallSid", callSid, "AccountSid",
                TwilioStandIn.ACCOUNT_SID, "DialCallStatus", dialCallStatus));
    }

    private static String twiml(String baseUrl, String path, Map<String, String> form) throws Exception {
        HttpResponse<String> response = HTTP.send(twilioRequest(baseUrl, path, form),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static int twilio(String baseUrl, String path, Map<String, String> form) throws Exception {
        return HTTP.send(twilioRequest(baseUrl, path, form), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest twilioRequest(String baseUrl, String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioStandIn.signature(PUBLIC_URL + path, form))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
