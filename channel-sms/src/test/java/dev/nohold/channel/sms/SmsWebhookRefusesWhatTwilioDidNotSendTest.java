package dev.nohold.channel.sms;

import dev.nohold.twilio.TwilioStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.nohold.core.testing.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SmsWebhookRefusesWhatTwilioDidNotSendTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        SmsTesting.reset(dataSource);
    }

    @Test
    void twilioRetryingTheSameMessageSidMakesOneRequestAndGetsTheSameReference() {
        Response first = SignedWebhooks.text("SM2000000000000000000000000000001", "Where is my refund?");
        Response retry = SignedWebhooks.text("SM2000000000000000000000000000001", "Where is my refund?");
        first.then().statusCode(200);
        retry.then().statusCode(200);

        assertEquals(SmsTesting.reference(first), SmsTesting.reference(retry));
        as("admin").get("/api/requests?channel=sms").then().statusCode(200)
                .header("X-Total-Count", "1")
                .body("[0].text", equalTo("Where is my refund?"));
    }

    @Test
    void aForgedOrMissingSignatureGets403AndStoresNothing() {
        Map<String, String> form = textForm("SM2000000000000000000000000000002", "Forged question");
        given().formParams(form).header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .post("/channels/sms/twilio")
                .then().statusCode(403).contentType(ContentType.JSON)
                .body("error", containsString("X-Twilio-Signature"));
        given().formParams(form).post("/channels/sms/twilio")
                .then().statusCode(403).contentType(ContentType.JSON)
                .body("error", containsString("Missing X-Twilio-Signature"));

        // Signed for the URL this process listens on, not the public one Twilio calls.
        String local = "http://localhost:8080/channels/sms/twilio";
        given().formParams(form).header("X-Twilio-Signature", SignedWebhooks.signature(local, form))
                .post("/channels/sms/twilio")
                .then().statusCode(403);

        // A genuine signature over other parameters: the body was changed on the way.
        String genuine = SignedWebhooks.signature(SignedWebhooks.PUBLIC_URL + "/channels/sms/twilio", form);
        Map<String, String> tampered = new LinkedHashMap<>(form);
        tampered.put("Body", "Tampered question");
        given().formParams(tampered).header("X-Twilio-Signature", genuine).post("/channels/sms/twilio")
                .then().statusCode(403);

        as("admin").get("/api/requests?channel=sms").then().body("", hasSize(0));
    }

    @Test
    void aForgedStatusCallbackGets403() {
        given().formParams(Map.of("MessageSid", "SM2000000000000000000000000000003", "MessageStatus", "delivered"))
                .header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .post("/channels/sms/twilio/status")
                .then().statusCode(403).contentType(ContentType.JSON);
    }

    @Test
    void aSignedMessageWithoutSenderSidOrBodyGets400AndStoresNothing() {
        for (String field : new String[] {"From", "MessageSid", "Body"}) {
            Map<String, String> form = textForm("SM2000000000000000000000000000004", "A question");
            form.remove(field);
            SignedWebhooks.post("/channels/sms/twilio", form)
                    .then().statusCode(400).contentType(ContentType.JSON)
                    .body("error", containsString(field));
        }
        as("admin").get("/api/requests?channel=sms").then().body("", hasSize(0));
    }

    @Test
    void anOversizeBodyGets413AndStoresNothing() {
        Map<String, String> huge = textForm("SM2000000000000000000000000000005", "x".repeat(70_000));
        SignedWebhooks.post("/channels/sms/twilio", huge)
                .then().statusCode(413).contentType(ContentType.JSON)
                .body("error", containsString("at most 65536"));

        // Small enough for the webhook, too long for a request: the core's limit, said in words.
        SignedWebhooks.text("SM2000000000000000000000000000006", "y".repeat(10_001))
                .then().statusCode(413).contentType(ContentType.JSON)
                .body("error", containsString("10001 characters"));

        as("admin").get("/api/requests?channel=sms").then().body("", hasSize(0));
    }

    private static Map<String, String> textForm(String sid, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        form.put("From", SignedWebhooks.CUSTOMER);
        form.put("To", TwilioStandIn.OUR_NUMBER);
        form.put("Body", body);
        return form;
    }
}
