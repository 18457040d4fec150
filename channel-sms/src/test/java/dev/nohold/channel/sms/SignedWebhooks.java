package dev.nohold.channel.sms;

import com.twilio.security.RequestValidator;
import dev.nohold.twilio.TwilioStandIn;
import io.restassured.response.Response;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Posts to the SMS webhooks as Twilio does: form-encoded, signed with the auth token over the public URL. */
final class SignedWebhooks {

    static final String PUBLIC_URL = "https://help.example.test";
    static final String CUSTOMER = "+15551230001";

    private SignedWebhooks() {
    }

    /** An incoming SMS from {@link #CUSTOMER}. */
    static Response text(String messageSid, String body) {
        return text(messageSid, CUSTOMER, body);
    }

    static Response text(String messageSid, String from, String body) {
        return text(messageSid, from, TwilioStandIn.OUR_NUMBER, body);
    }

    /** An incoming SMS sent to {@code to}: the number (or, in tests, the entry point's name) it was texted to. */
    static Response text(String messageSid, String from, String to, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "US");
        form.put("SmsMessageSid", messageSid);
        form.put("NumMedia", "0");
        form.put("MessageSid", messageSid);
        form.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        form.put("From", from);
        form.put("To", to);
        form.put("Body", body);
        form.put("NumSegments", "1");
        form.put("ApiVersion", "2010-04-01");
        return post("/channels/sms/twilio", form);
    }

    /** An incoming MMS from {@link #CUSTOMER} with these media (URL and content type, in order) and text. */
    static Response mms(String messageSid, String body, String... urlsAndTypes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", messageSid);
        form.put("SmsMessageSid", messageSid);
        form.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        form.put("From", CUSTOMER);
        form.put("To", TwilioStandIn.OUR_NUMBER);
        form.put("Body", body);
        form.put("NumMedia", Integer.toString(urlsAndTypes.length / 2));
        for (int i = 0; i < urlsAndTypes.length / 2; i++) {
            form.put("MediaUrl" + i, urlsAndTypes[2 * i]);
            form.put("MediaContentType" + i, urlsAndTypes[2 * i + 1]);
        }
        return post("/channels/sms/twilio", form);
    }

    static Response status(String messageSid, String messageStatus, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", messageSid);
        form.put("SmsSid", messageSid);
        form.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        form.put("From", TwilioStandIn.OUR_NUMBER);
        form.put("MessageStatus", messageStatus);
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return post(SmsChannel.STATUS_PATH, form);
    }

    static Response post(String path, Map<String, String> form) {
        return given().formParams(form).header("X-Twilio-Signature", signature(PUBLIC_URL + path, form))
                .post(path);
    }

    /** Twilio's signature (see {@link TwilioStandIn#signature}), checked against the SDK's own validator. */
    static String signature(String url, Map<String, String> form) {
        String signature = TwilioStandIn.signature(url, form);
        if (!new RequestValidator(TwilioStandIn.AUTH_TOKEN).validate(url, form, signature)) {
            throw new IllegalStateException("The test signs differently from the Twilio SDK's validator");
        }
        return signature;
    }
}
