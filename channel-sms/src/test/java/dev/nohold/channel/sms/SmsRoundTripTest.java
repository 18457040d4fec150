package dev.nohold.channel.sms;

import dev.nohold.twilio.TwilioStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

import static dev.nohold.core.testing.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SmsRoundTripTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        SmsTesting.reset(dataSource);
    }

    @Test
    void aTextedQuestionIsAcknowledgedAnsweredByAnAgentAndTheAnswerTextedBackWithTheAccountsCredentials() {
        Response ack = SignedWebhooks.text("SM1000000000000000000000000000001", "My order 42 has not arrived");
        ack.then().statusCode(200)
                .contentType(startsWith("application/xml"))
                .body(containsString("<Response><Message>Thank you. We are passing you to our team. We have your request"))
                .body(containsString("You are number 1 in line; an agent will answer as soon as one is free."));
        String reference = SmsTesting.reference(ack);
        String id = SmsTesting.idOf(reference);
        as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("QUEUED"))
                .body("channel", equalTo("sms"))
                .body("from", equalTo(SignedWebhooks.CUSTOMER))
                .body("text", equalTo("My order 42 has not arrived"));

        SmsTesting.assignTo("alice", id);
        SmsTesting.answer("alice", id, "It left our warehouse today; expect it tomorrow.");

        await().atMost(Duration.ofSeconds(10)).until(() -> TwilioStandIn.messagesSent().size() == 1);
        TwilioStandIn.Call sent = TwilioStandIn.messagesSent().get(0);
        assertEquals(SignedWebhooks.CUSTOMER, sent.field("To"));
        assertEquals(TwilioStandIn.OUR_NUMBER, sent.field("From"));
        assertEquals("It left our warehouse today; expect it tomorrow.", sent.field("Body"));
        assertEquals(SignedWebhooks.PUBLIC_URL + "/channels/sms/twilio/status", sent.field("StatusCallback"));
        assertTrue(TwilioStandIn.calls().stream().allMatch(TwilioStandIn.Call::authorized),
                "every call to Twilio carries the account SID and auth token");

        String messageSid = await().atMost(Duration.ofSeconds(10)).until(() ->
                as("admin").get("/api/requests/" + id).then().extract().<String>path("deliveries[0].providerId"),
                sid -> sid != null);
        as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("ANSWERED"))
                .body("deliveries[0].status", equalTo("SENT"));

        SignedWebhooks.status(messageSid, "sent", null).then().statusCode(204);
        as("admin").get("/api/requests/" + id).then().body("deliveries[0].status", equalTo("SENT"));
        SignedWebhooks.status(messageSid, "delivered", null).then().statusCode(204);

        as("admin").get("/api/requests/" + id).then()
                .body("status", equalTo("DELIVERED"))
                .body("deliveries[0].status", equalTo("DELIVERED"))
                .body("deliveries[0].attempts", equalTo(1))
                .body("events.type", hasItem("DELIVERED"));
        assertEquals(List.of(sent), TwilioStandIn.messagesSent(), "one answer, one message");
    }
}
